package io.convene.app.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.app.support.StackTestBase;
import io.convene.processes.probe.TimerProbeProcess;
import java.time.Duration;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine plugin on the real stack: timers wake the job executor at their due date, every timer's
 * lateness lands in the per-process, per-timer histogram, and the engine writes the {@code convene}
 * history level (process instances, not every step) — switching a database created under another level.
 */
class EngineTuningIntegrationTest extends StackTestBase {

    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TimerWakeUps wakeUps;
    @Autowired
    EngineTuningPlugin plugin;
    @Autowired
    JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void a_scheduled_timer_has_a_wake_up_at_its_due_date_and_one_found_by_the_scan_too() throws Exception {
        String probeId = requestProbe();
        Job timer = probeTimer(probeId);

        assertThat(wakeUps.isPending(timer.getDuedate())).as("scheduled when the probe's transaction committed").isTrue();

        // a due date changed through the API does not pass the JobManager: the look-ahead scan finds it
        Date soon = new Date(ClockUtil.getCurrentTime().getTime() + 1_500);
        management.setJobDuedate(timer.getId(), soon);
        assertThat(wakeUps.isPending(soon)).isFalse();
        wakeUps.scan();
        assertThat(wakeUps.isPending(soon)).isTrue();

        await().atMost(Duration.ofSeconds(15)).until(() -> status(probeId).equals("fired"));
        assertThat(wakeUps.isPending(soon)).as("the wake-up ran").isFalse();
        assertThat(wakeUps.lastWakeUp()).isGreaterThanOrEqualTo(soon.getTime());
    }

    @Test
    void every_timer_that_fires_is_measured_per_process_and_timer() throws Exception {
        String admin = tokens.of("admin");
        assertThat(get("/actuator/prometheus", admin).body()).as("deployed timers have their series from the start")
                .contains("process=\"call-ring\",timer=\"TimerEvent_RingTimeout\"}")
                .contains("process=\"meeting-lifecycle\",timer=\"TimerEvent_15MinBefore\"}");
        double before = firedProbeTimers(get("/actuator/prometheus", admin).body());
        String probeId = requestProbe();
        Job timer = probeTimer(probeId);

        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(2)));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(probeId).equals("fired"));

        String metrics = get("/actuator/prometheus", admin).body();
        assertThat(firedProbeTimers(metrics)).isEqualTo(before + 1);
        Matcher sum = Pattern.compile("convene_timer_lateness_seconds_sum\\{[^}]*process=\"timer-probe\",timer=\""
                + TimerProbeProcess.Elements.DELAY + "\"} ([0-9.E]+)").matcher(metrics);
        assertThat(sum.find()).isTrue();
        assertThat(Double.parseDouble(sum.group(1))).as("the moved clock: at least 2 s late").isGreaterThanOrEqualTo(2.0);
    }

    @Test
    void the_engine_keeps_process_instances_but_not_every_step() throws Exception {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryLevel().getName()).isEqualTo(ConveneHistoryLevel.NAME);
        String probeId = requestProbe();
        Job timer = probeTimer(probeId);
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(probeId).equals("fired"));

        var instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(probeId).singleResult();
        assertThat(instance.getEndTime()).as("the finished instance is in the history").isNotNull();
        assertThat(instance.getRemovalTime()).as("removal time set at start (strategy start)").isNotNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void a_database_created_under_another_history_level_is_switched_to_the_configured_one() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        jdbc.update("update act_ge_property set value_ = '3' where name_ = 'historyLevel'");
        try {
            plugin.postInit(configuration);
            assertThat(jdbc.queryForObject("select value_ from act_ge_property where name_ = 'historyLevel'", String.class))
                    .isEqualTo(Integer.toString(ConveneHistoryLevel.ID));
        } finally {
            jdbc.update("update act_ge_property set value_ = ? where name_ = 'historyLevel'", Integer.toString(ConveneHistoryLevel.ID));
        }
    }

    @Test
    void every_job_has_a_due_date_and_the_acquisition_range_has_its_index() throws Exception {
        requestProbe(); // a timer
        assertThat(jdbc.queryForObject("select count(*) from act_ru_job where duedate_ is null", Long.class)).isZero();
        assertThat(jdbc.queryForObject("""
                select indexdef from pg_indexes where tablename = 'act_ru_job' and indexname = 'convene_idx_job_acquisition'""",
                String.class)).contains("(duedate_)").contains("WHERE ((retries_ > 0) AND (suspension_state_ = 1))");
    }

    private String requestProbe() throws Exception {
        return json.readTree(post("/api/ops/timer-probes", tokens.of("admin"), null).body()).get("probeId").asText();
    }

    private Job probeTimer(String probeId) {
        var instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(TimerProbeProcess.KEY).processInstanceBusinessKey(probeId).singleResult();
        return management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }

    private String status(String probeId) throws Exception {
        JsonNode probe = json.readTree(get("/api/ops/timer-probes/" + probeId, tokens.of("admin")).body());
        return probe.get("status").asText();
    }

    private static double firedProbeTimers(String metrics) {
        Matcher count = Pattern.compile("convene_timer_lateness_seconds_count\\{[^}]*process=\"timer-probe\",timer=\""
                + TimerProbeProcess.Elements.DELAY + "\"} ([0-9.E]+)").matcher(metrics);
        return count.find() ? Double.parseDouble(count.group(1)) : 0;
    }
}
