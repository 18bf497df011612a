package io.convene.app.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.api.realtime.RealtimeEvents;
import io.convene.api.realtime.SocketGateway;
import io.convene.app.support.Json;
import io.convene.app.support.SecondNode;
import io.convene.app.support.StackTestBase;
import io.convene.application.presence.PresenceSweep;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two app instances on one PostgreSQL, Kafka, S3 and Keycloak: node 1 is the tests' shared
 * context, node 2 a second {@code ConveneApplication} started here on node 1's services (see
 * {@link SecondNode}). Each delivers to its own sockets what either committed, and presence is
 * the same on both; driven by the real npm socket.io-client.
 */
class TwoNodeDeliveryIntegrationTest extends StackTestBase {

    @Autowired
    Environment environment;
    @Autowired
    SocketGateway gateway;
    @Autowired
    RealtimeEvents realtimeEvents;
    @Autowired
    PresenceSweep presenceSweep;
    @Autowired
    JdbcClient jdbc;

    private SecondNode node2;
    private final List<SocketClient> clients = new ArrayList<>();

    @BeforeEach
    void startSecondNode() {
        await().atMost(Duration.ofSeconds(60)).until(realtimeEvents::isAssigned);
        node2 = SecondNode.sharingStackOf(environment);
        await().atMost(Duration.ofSeconds(60)).until(node2.bean(RealtimeEvents.class)::isAssigned);
    }

    @AfterEach
    void closeSecondNode() {
        ClockUtil.reset();
        clients.forEach(SocketClient::close);
        if (node2 != null) {
            node2.close();
        }
    }

    @Test
    void a_call_placed_on_node_1_rings_bob_on_node_2_and_his_answer_on_node_2_reaches_alice_on_node_1() throws Exception {
        SocketClient alice = connected(node1SocketUrl(), tokens.of("alice"));
        SocketClient bob = connected(node2.socketUrl(), tokens.of("bob"));
        assertThat(jdbc.sql("select distinct instance_id from presence_connection where user_id = :u").param("u", BOB)
                .query(String.class).list()).as("bob's only socket is on node 2").containsExactly(instanceOf(bob));

        HttpResponse<String> placed = post("/api/calls/instant", tokens.of("alice"),
                Json.write(Map.of("participantIds", List.of(BOB), "callType", "video")));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String id = Json.of(placed).get("meetingId").asText();

        JsonNode incoming = bob.awaitEvent("call:incoming", d -> d.path("meetingId").asText().equals(id)).path("data");
        assertThat(incoming.path("callerId").asText()).isEqualTo(ALICE);
        assertThat(incoming.path("callerName").asText()).isEqualTo("Alice Anders");
        assertThat(incoming.has("callerAvatar")).isTrue();
        assertThat(Instant.parse(incoming.path("timestamp").asText())).isNotNull();
        alice.awaitEvent("call:ringing", d -> d.path("meetingId").asText().equals(id) && d.path("userId").asText().equals(BOB));

        HttpResponse<String> accepted = postTo(node2.httpPort(), "/api/calls/accept", tokens.of("bob"),
                Json.write(Map.of("meetingId", id)));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

        alice.awaitEvent("call:accepted", d -> d.path("meetingId").asText().equals(id) && d.path("userId").asText().equals(BOB));
        assertThat(alice.events("call:incoming")).as("the ring is bob's only").isEmpty();
        send("DELETE", "/api/calls/" + id, tokens.of("alice"), null);
    }

    @Test
    void bob_connected_only_on_node_2_is_online_on_node_1_until_node_2_dies_and_its_lease_runs_out() throws Exception {
        forgetPresenceOf(BOB); // no heartbeat, no socket anywhere: only node 2's socket can make him online
        SocketClient bob = connected(node2.socketUrl(), tokens.fetch("bob", "bob")); // outlives the clock's moves
        String node2Instance = instanceOf(bob);

        assertThat(presenceOnNode1(BOB).path("status").asText()).isEqualTo("online");

        // node 2 dies without cleaning up: it hangs (no lease renewal, its rows stay), then its process goes
        node2.stopScheduledWork();
        Instant lastRenewal = jdbc.sql("select renewed_at from presence_instance where instance_id = :i")
                .param("i", node2Instance).query(Timestamp.class).single().toInstant();
        Instant leaseUntil = jdbc.sql("select lease_until from presence_instance where instance_id = :i")
                .param("i", node2Instance).query(Timestamp.class).single().toInstant();

        at(leaseUntil.minusSeconds(1));
        presenceSweep.sweep();
        assertThat(presenceOnNode1(BOB).path("status").asText()).as("a dead node's sockets count while its lease runs")
                .isEqualTo("online");

        at(leaseUntil.plusSeconds(1));
        presenceSweep.sweep();

        JsonNode after = presenceOnNode1(BOB);
        assertThat(after.path("status").asText()).isEqualTo("offline");
        assertThat(Instant.parse(after.path("lastSeen").asText())).isAfterOrEqualTo(lastRenewal);
        assertThat(jdbc.sql("select count(*) from presence_instance where instance_id = :i").param("i", node2Instance)
                .query(Long.class).single()).as("node 2's lease is gone").isZero();

        node2.close(); // the dead node's late goodbye to bob's socket brings nothing back
        presenceSweep.sweep();
        assertThat(presenceOnNode1(BOB).path("status").asText()).isEqualTo("offline");
    }

    private String node1SocketUrl() {
        return "http://127.0.0.1:" + gateway.port();
    }

    private SocketClient connected(String url, String token) {
        SocketClient client = SocketClient.connect(url, token, "websocket");
        clients.add(client);
        client.awaitType("connect");
        client.awaitEvent("presence:update", d -> true); // the node has finished its connect work
        return client;
    }

    /** The presence instance (node) that holds {@code client}'s socket. */
    private String instanceOf(SocketClient client) {
        return jdbc.sql("select instance_id from presence_connection where connection_id = :c")
                .param("c", client.sessionId().orElseThrow()).query(String.class).single();
    }

    private JsonNode presenceOnNode1(String userId) throws Exception {
        HttpResponse<String> response = get("/api/presence/users?ids=" + userId, tokens.of("alice"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.of(response).get(0);
    }

    private void forgetPresenceOf(String userId) {
        presenceSweep.flushHeartbeats();
        jdbc.sql("delete from presence_connection where user_id = :u").param("u", userId).update();
        jdbc.sql("delete from presence where user_id = :u").param("u", userId).update();
    }

    private HttpResponse<String> postTo(int port, String path, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
