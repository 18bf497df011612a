package io.convene.app.contract;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.api.realtime.RealtimeEvents;
import io.convene.api.realtime.SocketGateway;
import io.convene.app.realtime.SocketClient;
import io.convene.app.support.StackTestBase;
import io.convene.application.presence.PresenceSweep;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo users as portal clients ({@link PortalClient}, {@link ThreadCallClient}) and their sockets (the
 * real socket.io-client). Test set-up and clean-up use Convene's own API and the database; what is under
 * test goes through the clients only. Every meeting and call a client made is ended and cancelled or
 * deleted afterwards, the clock reset and the sockets closed, so nothing is left for other tests.
 */
abstract class ContractFixtures extends StackTestBase {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    static final Map<String, String> IDS = Map.of("alice", ALICE, "bob", BOB, "carol", CAROL, "dave", DAVE);
    static final Map<String, String> USERS = Map.of(ALICE, "alice", BOB, "bob", CAROL, "carol", DAVE, "dave");

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    PresenceSweep presenceSweep;
    @Autowired
    SocketGateway gateway;
    @Autowired
    RealtimeEvents realtimeEvents;

    /** Meetings and calls made in this test: id → the user who made it. */
    private final Map<String, String> made = new LinkedHashMap<>();
    private final List<SocketClient> sockets = new CopyOnWriteArrayList<>();

    @BeforeEach
    void realtimeReady() {
        await().atMost(Duration.ofSeconds(60)).until(realtimeEvents::isAssigned);
    }

    @AfterEach
    void leaveNothingBehind() {
        sockets.forEach(SocketClient::close);
        sockets.clear();
        ClockUtil.reset();
        for (Map.Entry<String, String> meeting : made.entrySet()) {
            try {
                cleanUp(meeting.getKey(), meeting.getValue());
            } catch (Exception | AssertionError ignored) {
                // best effort: a broken contract must not hide the test's own failure
            }
        }
        made.clear();
    }

    private void cleanUp(String id, String owner) throws Exception {
        List<String> inside = jdbc.sql("select user_id from meeting_participant where meeting_id = :m and status = 'JOINED'")
                .param("m", id).query(String.class).list();
        for (String userId : inside) {
            if (USERS.containsKey(userId)) {
                post("/api/meetings/" + id + "/leave", tokens.of(USERS.get(userId)), null);
            }
        }
        if (id.startsWith("call_")) {
            send("DELETE", "/api/calls/" + id, tokens.of(owner), null);
            return;
        }
        post("/api/meetings/" + id + "/end", tokens.of(owner), null);
        send("DELETE", "/api/meetings/" + id, tokens.of(owner), null);
    }

    /** Remembers what a client made (2xx of a create), whatever the answer's shape. */
    private java.util.function.Consumer<Rest.Answer> recorder(String user) {
        return answer -> {
            if (answer.status() / 100 != 2 || !"POST".equals(answer.method())) {
                return;
            }
            if (answer.path().equals("/api/meetings") || answer.path().equals("/api/calls/instant")
                    || answer.path().equals("/api/calls/start")) {
                try {
                    JsonNode body = answer.json();
                    for (String field : List.of("meetingId", "call_id", "callId")) {
                        if (body != null && body.hasNonNull(field)) {
                            made.putIfAbsent(body.get(field).asText(), user);
                            return;
                        }
                    }
                } catch (AssertionError ignored) {
                    // not JSON: nothing to clean up by id
                }
            }
        };
    }

    URI base() {
        return api("/");
    }

    PortalClient client(String user) {
        return PortalClient.user(http, base(), tokens.of(user), IDS.get(user), this::now, recorder(user));
    }

    /** A guest's browser, from a client address no other test uses (the guest limits count per address). */
    PortalClient guestBrowser() {
        int n = ADDRESSES.incrementAndGet();
        return PortalClient.guest(http, base(), "203.0." + (113 + n / 250) + "." + (1 + n % 250), this::now);
    }

    ThreadCallClient threadCalls(String user) {
        return new ThreadCallClient(http, base(), tokens.of(user), recorder(user));
    }

    /** The client's {@code DateTime.now()}: the server's clock, which the tests move. */
    Instant now() {
        return ClockUtil.now().toInstant();
    }

    static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    void track(String id, String owner) {
        made.putIfAbsent(id, owner);
    }

    /**
     * Sockets check their token's {@code exp} against the app's clock, and Keycloak's tokens live 15 min: a
     * scenario that moves the clock further than that with sockets open first goes back in time (the REST
     * API checks tokens on the real clock), so that all its socket steps fall within a fresh token's life.
     * Returns the app's new "now" (whole minutes).
     */
    Instant travelBack(Duration before) {
        Instant then = Instant.now().minus(before).truncatedTo(ChronoUnit.MINUTES);
        moveClockTo(then);
        return then;
    }

    /** A portal user's socket with a fresh token, connected and in its rooms. */
    SocketClient socket(String user) {
        SocketClient client = SocketClient.connect(socketUrl(), tokens.fetch(user, user), "websocket");
        sockets.add(client);
        client.awaitType("connect");
        client.awaitEvent("presence:update", d -> true); // its connect work is done
        return client;
    }

    /** A guest's socket, authenticated with what its registration gave it. */
    SocketClient guestSocket(String credential) {
        SocketClient client = SocketClient.connect(socketUrl(), credential, "websocket");
        sockets.add(client);
        client.awaitType("connect");
        return client;
    }

    private String socketUrl() {
        return "http://127.0.0.1:" + gateway.port();
    }

    /** Heartbeats (Convene's set-up, the same request as PresenceService's). */
    void online(String... users) throws Exception {
        for (String user : users) {
            post("/api/presence/heartbeat", tokens.of(user), "{}");
        }
    }

    /** Nobody has seen them: no heartbeat, no connection. */
    void offline(String... userIds) {
        presenceSweep.flushHeartbeats();
        for (String userId : userIds) {
            jdbc.sql("delete from presence_connection where user_id = :u").param("u", userId).update();
            jdbc.sql("delete from presence where user_id = :u").param("u", userId).update();
        }
    }

    /** {@code GET /api/notifications} (the portal's Activities), the rows of one meeting or call. */
    List<JsonNode> notificationsAbout(String user, String meetingId) throws Exception {
        JsonNode answer = io.convene.app.support.Json.of(get("/api/notifications", tokens.of(user)));
        JsonNode rows = answer.isArray() ? answer : answer.path("items");
        List<JsonNode> about = new ArrayList<>();
        rows.forEach(row -> {
            if (meetingId.equals(row.path("meetingId").asText()) || row.toString().contains(meetingId)) {
                about.add(row);
            }
        });
        return about;
    }

    /** Waits for something the server does on its own (timers, events), never by sleeping. */
    static void eventually(org.awaitility.core.ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(assertion);
    }

    /** The host's End: Convene's {@code POST /api/meetings/{id}/end} (seed 002 §2.1 has no method for it). */
    void endAsHost(String meetingId) throws Exception {
        var ended = post("/api/meetings/" + meetingId + "/end", tokens.of("alice"), null);
        org.assertj.core.api.Assertions.assertThat(ended.statusCode()).as("set-up: the host ends the meeting: " + ended.body())
                .isEqualTo(200);
    }

    /**
     * Leaving: the seed's client leaves by closing its WebRTC/socket connection; Convene's explicit
     * {@code POST /api/meetings/{id}/leave} does the same at once.
     */
    void leave(String user, String meetingId) throws Exception {
        var left = post("/api/meetings/" + meetingId + "/leave", tokens.of(user), null);
        org.assertj.core.api.Assertions.assertThat(left.statusCode()).as("set-up: " + user + " leaves: " + left.body())
                .isEqualTo(200);
    }

    /** The status of the error the client threw; fails when it did not throw. */
    static int refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Rest.PortalError error = org.assertj.core.api.Assertions.catchThrowableOfType(Rest.PortalError.class, call);
        if (error == null) {
            throw new AssertionError("expected the request to be refused, but it succeeded");
        }
        return error.status();
    }

    static Meeting find(List<Meeting> meetings, String meetingId) {
        return meetings.stream().filter(m -> m.meetingId().equals(meetingId)).findFirst()
                .orElseThrow(() -> new AssertionError(meetingId + " is not in the list: "
                        + meetings.stream().map(Meeting::meetingId).toList()));
    }
}
