package io.convene.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.app.support.StackTestBase;
import io.convene.processes.probe.TimerProbeProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole path on the real stack: the API starts the timer-probe process, its
 * BPMN timer (PT10S) fires on the job executor when Camunda's clock passes it,
 * the worker records the result, and the API shows it.
 */
class TimerProbeIntegrationTest extends StackTestBase {

    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void a_probe_started_through_the_api_fires_its_timer_and_shows_the_lateness() throws Exception {
        String admin = tokens.of("admin");
        JsonNode created = json.readTree(post("/api/ops/timer-probes", admin, null).body());
        String probeId = created.get("probeId").asText();
        assertThat(created.get("status").asText()).isEqualTo("waiting");
        var instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(TimerProbeProcess.KEY).processInstanceBusinessKey(probeId).singleResult();
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        Instant requestedAt = Instant.parse(created.get("requestedAt").asText());
        assertThat(timer.getDuedate().toInstant()).isBetween(requestedAt.plusSeconds(10), requestedAt.plusSeconds(11));

        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                json.readTree(get("/api/ops/timer-probes/" + probeId, admin).body()).get("status").asText().equals("fired"));
        JsonNode fired = json.readTree(get("/api/ops/timer-probes/" + probeId, admin).body());
        assertThat(fired.get("delayMs").asLong()).isEqualTo(10_000);
        assertThat(fired.get("latenessMs").asLong()).isBetween(1_000L, 10_000L);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(probeId).count()).isZero();
    }

    @Test
    void an_unknown_probe_is_404_and_a_malformed_id_is_400_naming_the_field() throws Exception {
        String admin = tokens.of("admin");

        assertThat(get("/api/ops/timer-probes/prb_00000000-0000-4000-8000-000000000000", admin).statusCode()).isEqualTo(404);
        var malformed = get("/api/ops/timer-probes/nonsense", admin);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).get("errors").get(0).get("field").asText()).isEqualTo("probeId");
    }
}
