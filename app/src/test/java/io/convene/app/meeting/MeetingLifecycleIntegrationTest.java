package io.convene.app.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.support.Json;
import io.convene.app.support.MeetingFixtures;
import io.convene.domain.notification.Notification;
import io.convene.domain.notification.Notifications;
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
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A meeting's life on the real stack: the job executor fires meeting-lifecycle's
 * timers when Camunda's clock passes them; reminders, cleanup and the past list follow.
 */
class MeetingLifecycleIntegrationTest extends MeetingFixtures {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Notifications notifications;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @Override
    protected JdbcClient jdbc() {
        return jdbc;
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void reminders_reach_every_invited_participant_who_did_not_decline_once_15_minutes_before_and_at_start() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String meeting = createMeeting("alice", Map.of("title", "Retro", "startTime", start.toString(),
                "participantIds", List.of(BOB, CAROL)));
        send("PATCH", "/api/meetings/" + meeting + "/participants/" + CAROL, tokens.of("carol"),
                Json.write(Map.of("status", "declined")));

        moveClockTo(start.minus(Duration.ofMinutes(15)));
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(meeting, "15_min_before").size() == 2);
        moveClockTo(start);
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(meeting, "at_start").size() == 2);

        assertThat(reminders(meeting, "15_min_before")).extracting(Notification::userId).containsExactlyInAnyOrder(ALICE, BOB);
        Notification atStart = reminders(meeting, "at_start").get(0);
        assertThat(Duration.between(atStart.createdAt(), atStart.expiresAt())).isEqualTo(Duration.ofMinutes(5));
        assertThat(jdbc.sql("select count(*) from outbox_event where subject = :m and type = 'meeting.reminder'")
                .param("m", meeting).query(Long.class).single()).isEqualTo(2);
        JsonNode bobs = Json.of(get("/api/notifications", tokens.of("bob")));
        assertThat(bobs.findValuesAsText("meetingId")).contains(meeting);
    }

    @Test
    void a_reminder_prepared_ahead_shows_and_goes_out_at_its_due_instant_and_is_withdrawn_unseen_when_cancelled() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String meeting = createMeeting("alice", Map.of("title", "Ahead", "startTime", start.toString(),
                "participantIds", List.of(BOB)));
        Instant due = start.minus(Duration.ofMinutes(15));

        moveClockTo(due.minusSeconds(30)); // past the timer (due − PT1M), before the reminder is due
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(meeting, "15_min_before").size() == 2);
        assertThat(reminders(meeting, "15_min_before")).extracting(Notification::createdAt).containsOnly(due);
        assertThat(get("/api/notifications", tokens.of("bob")).body()).as("not shown before its time").doesNotContain(meeting);
        assertThat(heldEvents(meeting)).as("meeting.reminder and one notification.created per invitee, held").isEqualTo(3);

        moveClockTo(due);
        assertThat(get("/api/notifications", tokens.of("bob")).body()).contains(meeting);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from outbox_event where subject = :m and type = 'meeting.reminder' and published_at is not null""")
                .param("m", meeting).query(Long.class).single() == 1);
        assertThat(jdbc.sql("select occurred_at from outbox_event where subject = :m and type = 'meeting.reminder'")
                .param("m", meeting).query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(due);

        // a second meeting, cancelled while its reminder is held: nobody ever sees it
        Instant start2 = start.plus(Duration.ofHours(2));
        String cancelled = createMeeting("alice", Map.of("title", "Gone", "startTime", start2.toString(),
                "participantIds", List.of(BOB)));
        moveClockTo(start2.minus(Duration.ofMinutes(15)).minusSeconds(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(cancelled, "15_min_before").size() == 2);
        assertThat(send("POST", "/api/meetings/" + cancelled + "/cancel", tokens.of("alice"), null).statusCode()).isEqualTo(200);

        assertThat(heldEvents(cancelled)).isZero();
        assertThat(jdbc.sql("""
                select count(*) from outbox_event where subject = :m and (type = 'meeting.reminder'
                  or type = 'notification.created' and data->'notification'->>'type' like 'meeting.reminder.%'
                  or type = 'notification.dismissed')""").param("m", cancelled).query(Long.class).single()).isZero();
    }

    private long heldEvents(String meeting) {
        return jdbc.sql("select count(*) from outbox_event where subject = :m and deliver_at is not null and published_at is null")
                .param("m", meeting).query(Long.class).single();
    }

    @Test
    void a_dismissed_notification_is_gone_and_nobody_else_can_dismiss_it() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String meeting = createMeeting("alice", Map.of("title", "Sync", "startTime", start.toString(),
                "participantIds", List.of(BOB)));
        moveClockTo(start.minus(Duration.ofMinutes(15)));
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(meeting, "15_min_before").size() == 2);
        Notification bobs = reminders(meeting, "15_min_before").stream().filter(n -> n.userId().equals(BOB)).findFirst().orElseThrow();

        assertThat(send("POST", "/api/notifications/" + bobs.id() + "/dismiss", tokens.of("alice"), null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/notifications/" + bobs.id() + "/dismiss", tokens.of("bob"), null).statusCode()).isEqualTo(204);

        assertThat(get("/api/notifications", tokens.of("bob")).body()).doesNotContain(bobs.id().toString());
    }

    @Test
    void rescheduling_moves_the_pending_reminders_and_cancelling_withdraws_them() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String meeting = createMeeting("alice", Map.of("title", "Moves", "startTime", start.toString(),
                "participantIds", List.of(BOB)));
        Instant later = start.plus(Duration.ofHours(3));

        assertThat(send("PATCH", "/api/meetings/" + meeting, tokens.of("alice"),
                Json.write(Map.of("startTime", later.toString()))).statusCode()).isEqualTo(200);

        assertThat(timer(meeting, MeetingLifecycleProcess.Elements.TIMER_15_MIN_BEFORE).getDuedate().toInstant())
                .as("prepared the model's look-ahead (PT1M) before it is due").isEqualTo(later.minus(Duration.ofMinutes(16)));
        moveClockTo(later.minus(Duration.ofMinutes(15)));
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(meeting, "15_min_before").size() == 2);

        assertThat(send("POST", "/api/meetings/" + meeting + "/cancel", tokens.of("alice"), null).statusCode()).isEqualTo(200);

        assertThat(notifications.forMeeting(meeting)).isEmpty();
        assertThat(get("/api/notifications", tokens.of("bob")).body()).doesNotContain(meeting);
        assertThat(timer(meeting, MeetingLifecycleProcess.Elements.TIMER_AT_START)).isNull();
        assertThat(timer(meeting, MeetingLifecycleProcess.Elements.CANCELLED_RETENTION)).isNotNull();
    }

    @Test
    void q4_when_all_leave_before_the_scheduled_end_it_stays_joinable_until_then_and_is_deleted_at_that_end() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String meeting = createMeeting("alice", Map.of("title", "Quick one", "startTime", start.toString(),
                "durationMinutes", 60, "participantIds", List.of(BOB, CAROL)));
        moveClockTo(start.plusSeconds(5));
        JsonNode join = Json.of(send("POST", "/api/meetings/" + meeting + "/join", tokens.of("bob"), null));
        assertThat(join.get("startedMeeting").asBoolean()).as("the first invited join at start starts it").isTrue();
        send("POST", "/api/meetings/" + meeting + "/join", tokens.of("alice"), null);
        moveClockTo(start.plus(Duration.ofMinutes(20)));

        send("POST", "/api/meetings/" + meeting + "/leave", tokens.of("bob"), null);
        JsonNode last = Json.of(send("POST", "/api/meetings/" + meeting + "/leave", tokens.of("alice"), null));

        assertThat(last.get("status").asText()).as("empty, but joinable until its scheduled end").isEqualTo("in_progress");
        await().atMost(Duration.ofSeconds(30)).until(() -> timer(meeting, MeetingLifecycleProcess.Elements.EMPTY_AT_SCHEDULED_END) != null);
        assertThat(get("/api/meetings/" + meeting, tokens.of("alice")).statusCode()).isEqualTo(200);

        moveClockTo(start.plus(Duration.ofMinutes(60)).plusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/meetings/" + meeting, tokens.of("alice")).statusCode() == 404);
        JsonNode entry = findItem(Json.of(get("/api/meetings/past", tokens.of("carol"))), meeting);
        assertThat(entry.get("participantCount").asInt()).as("distinct users who joined").isEqualTo(2);
        assertThat(entry.get("durationSeconds").asLong()).as("until the last one left").isBetween(20 * 60L - 10, 20 * 60L + 30);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(meeting).count()).isZero();
    }

    @Test
    void q13_alice_leaves_at_2_10_bob_joins_at_2_50_and_leaves_after_3_so_cleanup_waits_until_3_plus_8_hours() throws Exception {
        Instant two = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant three = two.plus(Duration.ofHours(1));
        String meeting = createMeeting("alice", Map.of("title", "2pm-3pm", "startTime", two.toString(),
                "endTime", three.toString(), "participantIds", List.of(BOB)));
        moveClockTo(two);
        send("POST", "/api/meetings/" + meeting + "/join", tokens.of("alice"), null);
        moveClockTo(two.plus(Duration.ofMinutes(10)));
        send("POST", "/api/meetings/" + meeting + "/leave", tokens.of("alice"), null);
        moveClockTo(two.plus(Duration.ofMinutes(50)));

        var bobJoins = send("POST", "/api/meetings/" + meeting + "/join", tokens.of("bob"), null);

        assertThat(bobJoins.statusCode()).as(bobJoins.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> timer(meeting, MeetingLifecycleProcess.Elements.EMPTY_AT_SCHEDULED_END) == null);
        moveClockTo(three.plus(Duration.ofMinutes(10)));
        JsonNode left = Json.of(send("POST", "/api/meetings/" + meeting + "/leave", tokens.of("bob"), null));
        assertThat(left.get("status").asText()).isEqualTo("ended");
        await().atMost(Duration.ofSeconds(30)).until(() -> timer(meeting, MeetingLifecycleProcess.Elements.CLEANUP_WINDOW) != null);
        assertThat(timer(meeting, MeetingLifecycleProcess.Elements.CLEANUP_WINDOW).getDuedate().toInstant())
                .isEqualTo(three.plus(Duration.ofHours(8)));
    }

    @Test
    void a_new_start_time_sends_both_reminders_again_even_to_who_dismissed_the_old_one() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String meeting = createMeeting("alice", Map.of("title", "Moved after reminding", "startTime", start.toString(),
                "participantIds", List.of(BOB)));
        moveClockTo(start.minus(Duration.ofMinutes(15)));
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(meeting, "15_min_before").size() == 2);
        Notification bobs = reminders(meeting, "15_min_before").stream().filter(n -> n.userId().equals(BOB)).findFirst().orElseThrow();
        assertThat(send("POST", "/api/notifications/" + bobs.id() + "/dismiss", tokens.of("bob"), null).statusCode()).isEqualTo(204);
        Instant later = start.plus(Duration.ofHours(3));

        assertThat(send("PATCH", "/api/meetings/" + meeting, tokens.of("alice"),
                Json.write(Map.of("startTime", later.toString()))).statusCode()).isEqualTo(200);

        assertThat(reminders(meeting, "15_min_before")).as("the old time's reminders are withdrawn").isEmpty();
        moveClockTo(later.minus(Duration.ofMinutes(15)));
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(meeting, "15_min_before").size() == 2);
        moveClockTo(later);
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(meeting, "at_start").size() == 2);
        assertThat(get("/api/notifications", tokens.of("bob")).body()).contains(meeting);
    }

    @Test
    void a_meeting_started_early_still_reminds_at_start_whoever_is_not_in_it() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String meeting = createMeeting("alice", Map.of("title", "Early bird", "startTime", start.toString(),
                "participantIds", List.of(BOB, CAROL)));
        moveClockTo(start.minus(Duration.ofMinutes(30)));
        assertThat(send("POST", "/api/meetings/" + meeting + "/join", tokens.of("alice"), null).statusCode())
                .as("the owner may start early").isEqualTo(200);

        moveClockTo(start);

        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(meeting, "at_start").size() == 2);
        assertThat(reminders(meeting, "at_start")).extracting(Notification::userId).containsExactlyInAnyOrder(BOB, CAROL);
    }

    @Test
    void when_people_stay_past_the_scheduled_end_the_meeting_is_kept_8_hours_after_that_end() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofMinutes(30));
        String meeting = createMeeting("alice", Map.of("title", "Long one", "startTime", start.toString(),
                "endTime", end.toString(), "participantIds", List.of(BOB)));
        moveClockTo(start.plusSeconds(5));
        send("POST", "/api/meetings/" + meeting + "/join", tokens.of("alice"), null);
        moveClockTo(end.plus(Duration.ofMinutes(10)));
        send("POST", "/api/meetings/" + meeting + "/leave", tokens.of("alice"), null);

        await().atMost(Duration.ofSeconds(30)).until(() -> timer(meeting, MeetingLifecycleProcess.Elements.CLEANUP_WINDOW) != null);
        assertThat(timer(meeting, MeetingLifecycleProcess.Elements.CLEANUP_WINDOW).getDuedate().toInstant())
                .isEqualTo(end.plus(Duration.ofHours(8)));
        assertThat(Json.of(get("/api/meetings/" + meeting, tokens.of("bob"))).get("status").asText()).isEqualTo("ended");

        moveClockTo(end.plus(Duration.ofHours(8)).plusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/meetings/" + meeting, tokens.of("bob")).statusCode() == 404);
        assertThat(findItem(Json.of(get("/api/meetings/past", tokens.of("bob"))), meeting).get("participantCount").asInt()).isEqualTo(1);
    }

    private static JsonNode findItem(JsonNode page, String meetingId) {
        for (JsonNode item : page) { // a list is a JSON array (seed 002)
            if (item.get("meetingId").asText().equals(meetingId)) {
                return item;
            }
        }
        throw new AssertionError(meetingId + " not in " + page);
    }

    private List<Notification> reminders(String meetingId, String type) {
        return notifications.forMeeting(meetingId).stream().filter(n -> n.type().equals("meeting.reminder." + type)).toList();
    }

    private Job timer(String meetingId, String activity) {
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(MeetingLifecycleProcess.KEY)
                .processInstanceBusinessKey(meetingId).singleResult();
        if (instance == null) {
            return null;
        }
        return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activity).singleResult();
    }

    private static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
