package io.convene.app.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.api.realtime.RealtimeEvents;
import io.convene.api.realtime.SocketGateway;
import io.convene.app.support.ChildNode;
import io.convene.app.support.Json;
import io.convene.app.support.StackTestBase;
import io.convene.application.meeting.LeavingByDisconnect;
import io.convene.application.presence.PresenceProperties;
import io.convene.application.presence.PresenceSweep;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node that dies with sockets open (issue 21: "a node killed with kill -9 with users in a call:
 * they leave after lease + grace"): node 1 is the tests' shared context, node 2 a Convene of its own
 * JVM ({@link ChildNode}) that is killed with SIGKILL. Bob's only socket is on node 2; once its
 * presence lease has run out and the leave grace after it, he leaves the call he was in, and being
 * its last participant ends it (seed 002 scenario 2, steps 6–7).
 */
class KilledNodeIntegrationTest extends StackTestBase {

    private static final Logger log = LoggerFactory.getLogger(KilledNodeIntegrationTest.class);
    /** Node 2's lease: short, so that its death is found soon (the default is 30 s). */
    private static final Duration LEASE = Duration.ofSeconds(3);

    @Autowired
    Environment environment;
    @Autowired
    SocketGateway gateway;
    @Autowired
    RealtimeEvents realtimeEvents;
    @Autowired
    PresenceSweep presenceSweep;
    @Autowired
    LeavingByDisconnect leaving;
    @Autowired
    PresenceProperties presence;
    @Autowired
    JdbcClient jdbc;

    private ChildNode node2;
    private final List<SocketClient> clients = new ArrayList<>();

    @BeforeEach
    void startNode2() {
        await().atMost(Duration.ofSeconds(60)).until(realtimeEvents::isAssigned);
        long started = System.nanoTime();
        node2 = ChildNode.start(environment, "killed-" + UUID.randomUUID().toString().substring(0, 8),
                Duration.ofMinutes(4), "--convene.presence.instance-lease=" + LEASE.toSeconds() + "s",
                "--convene.presence.sweep-interval=1s"); // it renews its lease every second
        log.info("node 2 (a JVM of its own) was ready after {} ms (classpath: surefire.test.class.path {}, "
                + "java.class.path {})", (System.nanoTime() - started) / 1_000_000,
                System.getProperty("surefire.test.class.path") == null ? "absent" : "set",
                System.getProperty("java.class.path").split(java.io.File.pathSeparator).length + " entries");
    }

    @AfterEach
    void killNode2() throws Exception {
        clients.forEach(SocketClient::close);
        if (node2 != null) {
            node2.close(); // killed, if the test did not
        }
        ClockUtil.reset();
        for (Map.Entry<String, String> user : Map.of(ALICE, "alice", BOB, "bob").entrySet()) {
            for (String meeting : jdbc.sql("""
                    select p.meeting_id from meeting_participant p join meeting m on m.id = p.meeting_id
                    where p.user_id = :user and p.status = 'JOINED' and m.status = 'IN_PROGRESS'""")
                    .param("user", user.getKey()).query(String.class).list()) {
                post("/api/meetings/" + meeting + "/leave", tokens.of(user.getValue()), null);
            }
        }
    }

    @Test
    void bob_whose_only_socket_was_on_a_node_killed_with_sigkill_leaves_after_its_lease_and_the_grace_and_the_call_ends()
            throws Exception {
        SocketClient alice = connected("http://127.0.0.1:" + gateway.port(), "alice");
        SocketClient bob = connected(node2.socketUrl(), "bob");
        assertThat(jdbc.sql("select distinct instance_id from presence_connection where user_id = :u").param("u", BOB)
                .query(String.class).list()).as("bob's only socket is on node 2").containsExactly(node2.instanceId());

        // Alice calls Bob; he answers and joins over his socket (node 2's use case, the one of POST …/join)
        HttpResponse<String> placed = post("/api/calls/instant", tokens.of("alice"),
                Json.write(Map.of("participantIds", List.of(BOB), "callType", "video")));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String call = Json.of(placed).get("meetingId").asText();
        assertThat(post("/api/calls/accept", tokens.of("bob"), Json.write(Map.of("meetingId", call))).statusCode())
                .isEqualTo(200);
        JsonNode joined = bob.emit("meeting:register-participant", Map.of("meetingId", call));
        assertThat(joined.path("ok").asBoolean()).as(joined.toString()).isTrue();
        // Sc2.6: Alice leaves first; Bob stays in the call
        assertThat(post("/api/calls/" + call + "/leave", tokens.of("alice"), null).statusCode()).isEqualTo(200);

        node2.kill(); // kill -9: Bob's socket is never closed by it, its rows stay as they were
        Instant leaseUntil = jdbc.sql("select lease_until from presence_instance where instance_id = :i")
                .param("i", node2.instanceId()).query(Timestamp.class).single().toInstant();

        at(leaseUntil.minusSeconds(1));
        presenceSweep.sweep();
        leaving.leaveDue();
        assertThat(status(call, BOB)).as("its lease still runs: his socket still counts").isEqualTo("JOINED");

        at(leaseUntil.plusSeconds(1));
        presenceSweep.sweep(); // (or any node's own sweep): node 2 is found dead, its connections go
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from presence_instance where instance_id = :i").param("i", node2.instanceId())
                .query(Long.class).single() == 0);
        Instant due = jdbc.sql("select leave_due_at from presence where user_id = :u").param("u", BOB)
                .query(Timestamp.class).single().toInstant();
        assertThat(due).as("the grace runs from when the death was found").isAfterOrEqualTo(leaseUntil.plus(presence.leaveGrace()));
        at(due.minusSeconds(1));
        leaving.leaveDue();
        assertThat(status(call, BOB)).as("inside the grace").isEqualTo("JOINED");

        at(due.plusSeconds(1));
        leaving.leaveDue(); // (or the scheduler's pass, on the moved clock)

        JsonNode ended = alice.awaitEvent("call:ended", d -> d.path("meetingId").asText().equals(call)).path("data");
        assertThat(ended.path("reason").asText()).isEqualTo("the last participant disconnected");
        assertThat(jdbc.sql("""
                select data->>'reason' from outbox_event where subject = :m and type = 'participant.left'
                and data->>'userId' = :u""").param("m", call).param("u", BOB).query(String.class).list())
                .containsExactly("disconnected");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from meeting where id = :id")
                .param("id", call).query(Long.class).single() == 0); // the emptied call is deleted at once
    }

    /** A socket with a token fetched now (it outlives the clock's moves), its connect work done. */
    private SocketClient connected(String url, String user) {
        SocketClient client = SocketClient.connect(url, tokens.fetch(user, user), "websocket");
        clients.add(client);
        client.awaitType("connect");
        client.awaitEvent("presence:update", d -> true);
        return client;
    }

    private String status(String meetingId, String userId) {
        return jdbc.sql("select status from meeting_participant where meeting_id = :m and user_id = :u")
                .param("m", meetingId).param("u", userId).query(String.class).single();
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
