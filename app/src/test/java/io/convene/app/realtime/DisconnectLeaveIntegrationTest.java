package io.convene.app.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.api.realtime.RealtimeEvents;
import io.convene.api.realtime.SocketGateway;
import io.convene.app.support.Json;
import io.convene.app.support.MeetingFixtures;
import io.convene.application.meeting.LeavingByDisconnect;
import io.convene.application.presence.PresenceProperties;
import io.convene.application.presence.PresenceSweep;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Disconnect = leave (seed 002 §1.3, Open Question 1, scenarios 2 and 7), driven by the real npm
 * socket.io-client: a participant whose join their socket tracks leaves the call once their last
 * socket has been closed for the leave grace, as by {@code POST …/leave}. Time moves on Camunda's
 * clock; the pass that the scheduler runs every few seconds is also called directly.
 */
class DisconnectLeaveIntegrationTest extends MeetingFixtures {

    private static final List<String> USERS = List.of(ALICE, BOB, CAROL);

    @Autowired
    SocketGateway gateway;
    @Autowired
    RealtimeEvents realtimeEvents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LeavingByDisconnect leaving;
    @Autowired
    PresenceSweep presenceSweep;
    @Autowired
    PresenceProperties presence;

    private final List<SocketClient> clients = new ArrayList<>();

    @Override
    protected JdbcClient jdbc() {
        return jdbc;
    }

    @BeforeEach
    void startFromNoSocket() {
        await().atMost(Duration.ofSeconds(60)).until(realtimeEvents::isAssigned);
        // the earlier tests closed their sockets: none of these users has one now, nor a leave check pending
        // (an earlier test's moved clock may have left one ahead of the real clock)
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from presence_connection where user_id in (:u)").param("u", USERS)
                .query(Long.class).single() == 0);
        jdbc.sql("update presence set socketless_since = null, leave_due_at = null where user_id in (:u)")
                .param("u", USERS).update();
    }

    @AfterEach
    void closeAndLeave() throws Exception {
        clients.forEach(SocketClient::close);
        ClockUtil.reset();
        for (Map.Entry<String, String> user : Map.of(ALICE, "alice", BOB, "bob", CAROL, "carol").entrySet()) {
            for (String meeting : jdbc.sql("""
                    select p.meeting_id from meeting_participant p join meeting m on m.id = p.meeting_id
                    where p.user_id = :user and p.status = 'JOINED' and m.status = 'IN_PROGRESS'""")
                    .param("user", user.getKey()).query(String.class).list()) {
                post("/api/meetings/" + meeting + "/leave", tokens.of(user.getValue()), null);
            }
        }
        deleteMeetingsMade();
    }

    @Test
    void scenario_2_bob_closes_his_tab_after_alice_left_so_after_the_grace_he_leaves_and_the_call_ends() throws Exception {
        SocketClient alice = connected("alice");
        SocketClient bob = connected("bob");
        String call = callAnsweredByBob(bob);
        assertThat(tracked(call, BOB)).as("he joined with a socket open").isTrue();
        assertThat(post("/api/calls/" + call + "/leave", tokens.of("alice"), null).statusCode()).isEqualTo(200);

        bob.close(); // his tab closes
        Instant due = leaveDueOf(BOB);
        assertThat(due).isEqualTo(socketlessSince(BOB).plus(presence.leaveGrace()));
        at(due.minusSeconds(1));
        leaving.leaveDue();
        assertThat(status(call, BOB)).as("inside the grace").isEqualTo("JOINED");

        at(due.plusSeconds(1));
        leaving.leaveDue(); // (or the scheduler's pass, on the moved clock)

        JsonNode ended = alice.awaitEvent("call:ended", d -> d.path("meetingId").asText().equals(call)).path("data");
        assertThat(ended.path("reason").asText()).isEqualTo("the last participant disconnected");
        assertThat(leftReasons(call)).containsExactly(Map.entry(ALICE, "left"), Map.entry(BOB, "disconnected"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from meeting where id = :id")
                .param("id", call).query(Long.class).single() == 0); // Sc2.7: deleted at once
        assertThat(get("/api/calls/" + call + "/log", tokens.of("alice")).body()).contains("\"status\":\"completed\"");
    }

    @Test
    void a_reconnect_within_the_grace_keeps_him_in_the_call() throws Exception {
        SocketClient alice = connected("alice");
        SocketClient bob = connected("bob");
        String call = callAnsweredByBob(bob);

        bob.close(); // a page reload
        Instant due = leaveDueOf(BOB);
        connected("bob");
        at(due.plusSeconds(60));
        leaving.leaveDue();

        assertThat(status(call, BOB)).isEqualTo("JOINED");
        assertThat(leaving.stragglers()).noneMatch(s -> s.userId().equals(BOB)); // nor for the fallback
        alice.emit("presence:subscribe", Map.of("userIds", List.of(BOB))); // a round trip: anything for her has come
        assertThat(alice.events("meeting:participant_left")).noneMatch(e -> e.path("data").path("meetingId").asText().equals(call));
    }

    @Test
    void with_two_devices_closing_one_keeps_him_in_closing_both_takes_him_out() throws Exception {
        SocketClient alice = connected("alice");
        SocketClient laptop = connected("bob");
        SocketClient phone = connected("bob");
        String call = callAnsweredByBob(laptop);

        laptop.crash();
        await().atMost(Duration.ofSeconds(20)).until(() -> connections(BOB) == 1);
        at(Instant.now().plus(presence.leaveGrace()).plusSeconds(60));
        leaving.leaveDue();
        assertThat(status(call, BOB)).as("his phone is still connected").isEqualTo("JOINED");
        assertThat(leaving.stragglers()).noneMatch(s -> s.userId().equals(BOB));

        phone.crash();
        Instant due = leaveDueOf(BOB);
        at(due.plusSeconds(1));
        leaving.leaveDue();

        JsonNode left = alice.awaitEvent("meeting:participant_left", d -> d.path("meetingId").asText().equals(call)
                && d.path("userId").asText().equals(BOB)).path("data");
        assertThat(left.path("reason").asText()).isEqualTo("disconnected");
        assertThat(status(call, ALICE)).as("the caller stays: the call goes on").isEqualTo("JOINED");
    }

    @Test
    void scenario_7_case_2_both_tabs_crash_both_leave_after_the_grace_and_the_call_is_deleted() throws Exception {
        SocketClient alice = connected("alice");
        SocketClient bob = connected("bob");
        String call = callAnsweredByBob(bob);
        assertThat(tracked(call, ALICE)).as("the caller was in it with a socket open").isTrue();

        alice.crash();
        bob.crash();
        Instant due = latest(leaveDueOf(ALICE), leaveDueOf(BOB));
        at(due.plusSeconds(1));
        leaving.leaveDue();

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from meeting where id = :id")
                .param("id", call).query(Long.class).single() == 0);
        assertThat(leftReasons(call)).containsOnlyKeys(ALICE, BOB).containsValues("disconnected");
        assertThat(jdbc.sql("select count(*) from outbox_event where subject = :id and type = 'call.ended'")
                .param("id", call).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void carol_who_joined_over_rest_alone_stays_when_a_socket_of_hers_opens_and_closes() throws Exception {
        String meeting = createMeeting("alice", Map.of("title", "Standup", "startTime",
                Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS).toString(),
                "provider", "INTERNAL", "participantIds", List.of(CAROL)));
        assertThat(post("/api/meetings/" + meeting + "/join", tokens.of("alice"), null).statusCode()).isEqualTo(200);
        assertThat(post("/api/meetings/" + meeting + "/join", tokens.of("carol"), null).statusCode()).isEqualTo(200);
        assertThat(tracked(meeting, CAROL)).as("no socket of hers was open").isFalse();

        connected("carol").close(); // her portal page opens and closes its socket; her meeting client is REST only
        Instant due = leaveDueOf(CAROL);
        at(due.plus(Duration.ofMinutes(10)));
        leaving.leaveDue();

        assertThat(status(meeting, CAROL)).isEqualTo("JOINED");
        assertThat(leaving.stragglers()).noneMatch(s -> s.userId().equals(CAROL));
    }

    @Test
    void a_join_over_the_socket_is_tracked_and_the_fallback_finds_it_when_the_first_pass_missed_it() throws Exception {
        SocketClient alice = connected("alice");
        String meeting = createMeeting("alice", Map.of("title", "Review", "startTime",
                Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS).toString(),
                "provider", "INTERNAL", "participantIds", List.of(BOB)));
        JsonNode joined = alice.emit("meeting:register-participant", Map.of("meetingId", meeting));
        assertThat(joined.path("ok").asBoolean()).as(joined.toString()).isTrue();
        assertThat(tracked(meeting, ALICE)).isTrue();

        alice.close();
        Instant closedAt = leaveDueOf(ALICE).minus(presence.leaveGrace());
        jdbc.sql("update presence set leave_due_at = null where user_id = :u").param("u", ALICE).update(); // the mark is lost
        at(closedAt.plus(presence.leaveGrace()).minusSeconds(1));
        assertThat(leaving.stragglers()).as("inside the grace").noneMatch(s -> s.userId().equals(ALICE));

        at(closedAt.plus(presence.leaveGrace()).plusSeconds(1));
        List<LeavingByDisconnect.Straggler> found = leaving.stragglers().stream()
                .filter(s -> s.meetingId().value().equals(meeting)).toList();
        assertThat(found).extracting(LeavingByDisconnect.Straggler::userId).containsExactly(ALICE);
        leaving.leave(found.get(0).meetingId(), ALICE); // (unless the BPMN sweep, running now, took her out first)
        assertThat(leaving.leave(found.get(0).meetingId(), ALICE)).as("once").isFalse();

        assertThat(status(meeting, ALICE)).isEqualTo("LEFT");
        assertThat(leftReasons(meeting)).containsExactly(Map.entry(ALICE, "disconnected"));
        assertThat(jdbc.sql("select status from meeting where id = :id").param("id", meeting).query(String.class).single())
                .as("a scheduled meeting emptied before its end stays joinable").isEqualTo("IN_PROGRESS");
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** A socket with a token fetched now (it outlives the clock's moves), its connect work done. */
    private SocketClient connected(String user) {
        SocketClient client = SocketClient.connect("http://127.0.0.1:" + gateway.port(), tokens.fetch(user, user),
                "websocket");
        clients.add(client);
        client.awaitType("connect");
        client.awaitEvent("presence:update", d -> true);
        return client;
    }

    /** Alice calls Bob (online: his socket); he accepts and joins over REST, his socket open. */
    private String callAnsweredByBob(SocketClient bob) throws Exception {
        HttpResponse<String> placed = post("/api/calls/instant", tokens.of("alice"),
                Json.write(Map.of("participantIds", List.of(BOB), "callType", "video")));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String call = Json.of(placed).get("meetingId").asText();
        bob.awaitEvent("call:incoming", d -> d.path("meetingId").asText().equals(call));
        assertThat(post("/api/calls/accept", tokens.of("bob"), Json.write(Map.of("meetingId", call))).statusCode())
                .isEqualTo(200);
        assertThat(post("/api/calls/" + call + "/join", tokens.of("bob"), null).statusCode()).isEqualTo(200);
        return call;
    }

    /** Waits until the gateway has told presence that {@code userId}'s last socket closed; its leave check's time. */
    private Instant leaveDueOf(String userId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> connections(userId) == 0 && jdbc.sql(
                "select leave_due_at is not null from presence where user_id = :u").param("u", userId)
                .query(Boolean.class).single());
        return jdbc.sql("select leave_due_at from presence where user_id = :u").param("u", userId)
                .query(Timestamp.class).single().toInstant();
    }

    private Instant socketlessSince(String userId) {
        return jdbc.sql("select socketless_since from presence where user_id = :u").param("u", userId)
                .query(Timestamp.class).single().toInstant();
    }

    private long connections(String userId) {
        return jdbc.sql("select count(*) from presence_connection where user_id = :u").param("u", userId)
                .query(Long.class).single();
    }

    private String status(String meetingId, String userId) {
        return jdbc.sql("select status from meeting_participant where meeting_id = :m and user_id = :u")
                .param("m", meetingId).param("u", userId).query(String.class).single();
    }

    private boolean tracked(String meetingId, String userId) {
        return jdbc.sql("select socket_tracked from meeting_participant where meeting_id = :m and user_id = :u")
                .param("m", meetingId).param("u", userId).query(Boolean.class).single();
    }

    /** Who left, with the reason of their {@code participant.left} event, in the order they left. */
    private Map<String, String> leftReasons(String meetingId) {
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select data->>'userId' as user_id, data->>'reason' as reason from outbox_event
                where subject = :m and type = 'participant.left' order by position""").param("m", meetingId)
                .query((rs, n) -> reasons.put(rs.getString("user_id"), rs.getString("reason"))).list();
        return reasons;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
