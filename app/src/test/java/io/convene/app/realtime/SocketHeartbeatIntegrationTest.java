package io.convene.app.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.api.realtime.SocketGateway;
import io.convene.app.support.StackTestBase;
import io.convene.application.presence.Presence;
import io.convene.application.presence.PresenceProperties;
import io.convene.application.presence.PresenceSweep;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code presence:heartbeat} over the socket (issue 9): the same use case as
 * {@code POST /api/presence/heartbeat}, driven by the real npm socket.io-client. An open socket
 * counts as online by itself, so these tests look at what only a heartbeat does: the user's
 * {@code last_heartbeat} once the batch is written, and online after the socket closed.
 */
class SocketHeartbeatIntegrationTest extends StackTestBase {

    @Autowired
    SocketGateway gateway;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PresenceSweep presenceSweep;
    @Autowired
    Presence presence;
    @Autowired
    PresenceProperties presenceProperties;

    private final List<SocketClient> clients = new ArrayList<>();

    @BeforeEach
    void tokenCheckWarm() throws Exception {
        // a socket has authTimeout (5 s) to get its token checked; the first check of a cold node fetches
        // Keycloak's keys, which on a loaded machine took longer: the REST API's same decoder fetches them first
        assertThat(get("/api/me", tokens.of("alice")).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void closeClients() {
        List<String> ids = clients.stream().flatMap(c -> c.sessionId().stream()).toList();
        clients.forEach(SocketClient::close);
        ClockUtil.reset();
        // each client said goodbye: no test after this one finds a socket of theirs open
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.isEmpty() || jdbc.sql(
                "select count(*) from presence_connection where connection_id in (:ids)").param("ids", ids)
                .query(Long.class).single() == 0);
    }

    private SocketClient connected(String user) {
        SocketClient client = SocketClient.connect("http://127.0.0.1:" + gateway.port(),
                tokens.fetch(user, user), "websocket"); // a fresh token outlives the clock's moves
        clients.add(client);
        client.awaitType("connect");
        client.awaitEvent("presence:update", d -> true); // the gateway has finished its connect work
        return client;
    }

    private Instant lastHeartbeat(String userId) {
        Timestamp at = jdbc.sql("select last_heartbeat from presence where user_id = :u").param("u", userId)
                .query(Timestamp.class).optional().orElse(null);
        return at == null ? null : at.toInstant();
    }

    /**
     * Now, or later than anything presence holds for the user (another test may have moved the clock
     * ahead and left a later heartbeat or last seen), so that what this test records is the newest.
     */
    private Instant afterAnythingRecordedFor(String userId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Timestamp latest = jdbc.sql("""
                select greatest(last_seen, last_heartbeat, grace_until) from presence where user_id = :u""")
                .param("u", userId).query(Timestamp.class).optional().orElse(null);
        return latest == null || latest.toInstant().isBefore(now) ? now
                : latest.toInstant().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
    }

    /** The engine's (and so the app's) clock stands still at {@code at}. */
    private static void clockAt(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
    }

    @Test
    void a_heartbeat_over_the_socket_is_acked_and_written_as_bobs_last_heartbeat_with_the_next_batch() {
        SocketClient bob = connected("bob");
        Instant now = afterAnythingRecordedFor(BOB);
        clockAt(now);

        JsonNode ack = bob.emit("presence:heartbeat", null);

        assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isTrue();
        assertThat(ack.path("data").isObject()).as(ack.toString()).isTrue();
        presenceSweep.flushHeartbeats();
        assertThat(lastHeartbeat(BOB)).isEqualTo(now);
    }

    @Test
    void bobs_socket_heartbeats_do_not_outlive_his_socket_but_a_rest_heartbeat_after_it_keeps_him_online() throws Exception {
        Instant beat = afterAnythingRecordedFor(BOB);
        clockAt(beat); // his connect, heartbeat and disconnect all happen at this instant
        SocketClient bob = connected("bob");
        assertThat(bob.emit("presence:heartbeat", Map.of()).path("ok").asBoolean()).isTrue();
        String socket = bob.sessionId().orElseThrow();
        bob.close();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from presence_connection where connection_id = :id").param("id", socket)
                .query(Long.class).single() == 0);

        clockAt(beat.plus(presenceProperties.disconnectGrace()).minusSeconds(1));
        presenceSweep.sweep();
        assertThat(presence.ofUser(BOB).status()).as("inside the grace (a reload does not flap)").isEqualTo("online");

        // the grace is over: his tab is gone, whatever his last heartbeat over that socket said (seed 002:
        // offline on disconnect — not 90 s later, when that heartbeat ages out)
        clockAt(beat.plus(presenceProperties.disconnectGrace()).plusSeconds(1));
        presenceSweep.sweep();
        assertThat(presence.ofUser(BOB).status()).isEqualTo("offline");
        assertThat(presence.ofUser(BOB).lastSeen()).isEqualTo(beat);

        // his portal, its socket down, beats over REST (the README's fallback): online again
        Instant restBeat = beat.plus(presenceProperties.disconnectGrace()).plusSeconds(2);
        clockAt(restBeat);
        assertThat(post("/api/presence/heartbeat", tokens.fetch("bob", "bob"), null).statusCode()).isEqualTo(204);
        presenceSweep.flushHeartbeats();
        assertThat(presence.ofUser(BOB).status()).isEqualTo("online");
        clockAt(restBeat.plus(presenceProperties.onlineWindow()).plusSeconds(1));
        presenceSweep.sweep();
        assertThat(presence.ofUser(BOB).status()).as("that heartbeat ages out like any").isEqualTo("offline");
    }

    @Test
    void a_heartbeat_with_a_malformed_payload_gets_a_problem_counts_for_nothing_and_the_socket_keeps_beating() {
        SocketClient carol = connected("carol");
        List<Integer> huge = IntStream.range(0, 10_000).boxed().toList();
        Instant now = afterAnythingRecordedFor(CAROL);
        clockAt(now.plusSeconds(1)); // a bad heartbeat that counted would be the newest

        for (Object bad : new Object[] {"not an object", huge, 42}) {
            JsonNode ack = carol.emit("presence:heartbeat", bad);
            assertThat(ack.path("ok").asBoolean()).as(ack.toString()).isFalse();
            assertThat(ack.path("problem").path("status").asInt()).as(ack.toString()).isEqualTo(400);
            assertThat(ack.path("problem").path("detail").asText()).contains("payload");
        }
        clockAt(now);
        JsonNode extra = carol.emit("presence:heartbeat", Map.of("anything", List.of(1, 2, 3)));

        assertThat(extra.path("ok").asBoolean()).as("unknown fields are ignored: " + extra).isTrue();
        presenceSweep.flushHeartbeats();
        assertThat(lastHeartbeat(CAROL)).isEqualTo(now);
    }
}
