package io.convene.app.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.convene.app.support.Json;
import io.convene.app.support.MeetingFixtures;
import io.convene.processes.meeting.MeetingLifecycleProcess;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A worker that keeps failing becomes a Camunda incident (what Cockpit shows);
 * once the fault is fixed and the job is retried through the engine REST API
 * (what Cockpit's "Retry" calls), the meeting goes on.
 */
class MeetingIncidentIntegrationTest extends MeetingFixtures {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @Override
    protected JdbcClient jdbc() {
        return jdbc;
    }

    @AfterEach
    void repair() {
        ClockUtil.reset();
        jdbc.sql("alter table if exists notification_broken rename to notification").update();
    }

    @Test
    void a_failing_reminder_becomes_an_incident_and_a_retry_after_the_fix_sends_it() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        String meeting = createMeeting("alice", Map.of("title", "Fragile", "startTime", start.toString(),
                "participantIds", List.of(BOB)));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(meeting).singleResult().getId();
        jdbc.sql("alter table notification rename to notification_broken").update(); // the fault

        ClockUtil.setCurrentTime(Date.from(start.minus(Duration.ofMinutes(15))));
        // each failed attempt is retried after R3/PT1M: move the clock past every retry until retries run out
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(Duration.ofSeconds(61))));
            return incident(instance) != null;
        });
        Incident incident = incident(instance);
        assertThat(incident.getActivityId()).isEqualTo(MeetingLifecycleProcess.Elements.SEND_REMINDER_15);
        assertThat(incident.getIncidentMessage()).contains("notification");

        jdbc.sql("alter table notification_broken rename to notification").update(); // the fix
        var retry = send("PUT", "/engine-rest/job/" + incident.getConfiguration() + "/retries", tokens.of("admin"),
                Json.write(Map.of("retries", 1)));
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from notification where meeting_id = :m and type = 'meeting.reminder.15_min_before'")
                .param("m", meeting).query(Long.class).single() == 2);
        assertThat(incident(instance)).isNull();
    }

    private Incident incident(String processInstanceId) {
        return runtime.createIncidentQuery().processInstanceId(processInstanceId).singleResult();
    }
}
