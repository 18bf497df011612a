package io.convene.app.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.support.Json;
import io.convene.app.support.MeetingFixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import io.convene.processes.meeting.MeetingCleanupSweepProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 002 §1.2 (requirement 31): Past = ended within the last 8 h, with duration and distinct
 * joiners; {@code since} reaches back over the call-log summaries, which are kept 90 days.
 */
class PastListIntegrationTest extends MeetingFixtures {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;

    @Override
    protected JdbcClient jdbc() {
        return jdbc;
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void past_shows_the_last_8_hours_and_since_reaches_further_back() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofMinutes(30));
        String meeting = endedMeeting("Yesterday's", start, end);

        moveClockTo(end.plus(Duration.ofHours(7)));
        assertThat(pastIds("/api/meetings/past")).contains(meeting);

        moveClockTo(end.plus(Duration.ofHours(9)));
        assertThat(pastIds("/api/meetings/past")).doesNotContain(meeting);
        assertThat(pastIds("/api/meetings/past?since=" + end.minus(Duration.ofHours(1)))).contains(meeting);
        assertThat(pastIds("/api/meetings?section=past&since=" + end.minus(Duration.ofHours(1)))).contains(meeting);
        assertThat(get("/api/meetings/past?since=yesterday", tokens.of("bob")).statusCode()).isEqualTo(400);
    }

    @Test
    void a_participant_removed_after_joining_still_counts_and_the_log_keeps_their_first_join() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofMinutes(30));
        String meeting = createMeeting("alice", Map.of("title", "Removal", "startTime", start.toString(),
                "endTime", end.toString(), "participantIds", List.of(BOB)));
        moveClockTo(start);
        send("POST", "/api/meetings/" + meeting + "/join", tokens.of("alice"), null);
        send("POST", "/api/meetings/" + meeting + "/join", tokens.of("bob"), null);
        moveClockTo(start.plus(Duration.ofMinutes(5)));
        send("POST", "/api/meetings/" + meeting + "/leave", tokens.of("bob"), null);
        moveClockTo(start.plus(Duration.ofMinutes(10)));
        send("POST", "/api/meetings/" + meeting + "/join", tokens.of("bob"), null); // a rejoin
        moveClockTo(start.plus(Duration.ofMinutes(15)));
        var removed = send("DELETE", "/api/meetings/" + meeting + "/participants/" + BOB, tokens.of("alice"), null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(Json.of(removed).get("participants").findValuesAsText("userId")).doesNotContain(BOB);
        assertThat(get("/api/meetings/" + meeting, tokens.of("bob")).statusCode()).as("no longer in it").isEqualTo(404);
        moveClockTo(end.plus(Duration.ofMinutes(5)));

        send("POST", "/api/meetings/" + meeting + "/leave", tokens.of("alice"), null);

        JsonNode entry = item(Json.of(get("/api/meetings/past", tokens.of("alice"))), meeting);
        assertThat(entry.get("participantCount").asInt()).as("Bob joined before he was removed").isEqualTo(2);
        Instant firstJoin = jdbc.sql("""
                select first_joined_at from meeting_summary_participant where meeting_id = :m and user_id = :u""")
                .param("m", meeting).param("u", BOB).query(java.sql.Timestamp.class).single().toInstant();
        assertThat(firstJoin).isEqualTo(start);
    }

    @Test
    void call_log_summaries_older_than_their_90_days_are_deleted_by_the_sweep() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofMinutes(30));
        String meeting = endedMeeting("Long ago", start, end);
        moveClockTo(end.plus(Duration.ofHours(8)).plusSeconds(1)); // its cleanup window: the meeting goes, its summary stays
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/meetings/" + meeting, tokens.of("bob")).statusCode() == 404);
        assertThat(summaries(meeting)).isEqualTo(1);

        moveClockTo(end.plus(Duration.ofDays(91)));

        // run the sweep's due timer now: with every other test's timers due as well after 91 days,
        // the job executor might reach it only late (it acquires by due date). There may be two: when a
        // run of a cycle timer fails (an earlier test's clock moves), Camunda still schedules the next one.
        for (var sweep : management.createJobQuery().processDefinitionKey(MeetingCleanupSweepProcess.KEY).timers().list()) {
            try {
                management.executeJob(sweep.getId());
            } catch (org.camunda.bpm.engine.ProcessEngineException e) {
                // the job executor ran it at the same moment (optimistic lock, or gone): fine, its run counts
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> summaries(meeting) == 0);
    }

    private String endedMeeting(String title, Instant start, Instant end) throws Exception {
        String meeting = createMeeting("alice", Map.of("title", title, "startTime", start.toString(),
                "endTime", end.toString(), "participantIds", List.of(BOB)));
        moveClockTo(start);
        send("POST", "/api/meetings/" + meeting + "/join", tokens.of("bob"), null);
        moveClockTo(end.plus(Duration.ofMinutes(1)));
        assertThat(Json.of(send("POST", "/api/meetings/" + meeting + "/leave", tokens.of("bob"), null))
                .get("status").asText()).isEqualTo("ended");
        return meeting;
    }

    private List<String> pastIds(String path) throws Exception {
        return Json.of(get(path, tokens.of("bob"))).findValuesAsText("meetingId");
    }

    private long summaries(String meeting) {
        return jdbc.sql("select count(*) from meeting_summary where meeting_id = :m").param("m", meeting)
                .query(Long.class).single();
    }

    private static JsonNode item(JsonNode page, String meetingId) {
        for (JsonNode item : page) {
            if (item.get("meetingId").asText().equals(meetingId)) {
                return item;
            }
        }
        throw new AssertionError(meetingId + " not in " + page);
    }

    private static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
