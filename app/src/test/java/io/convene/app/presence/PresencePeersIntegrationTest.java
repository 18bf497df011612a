package io.convene.app.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.api.realtime.RealtimeEvents;
import io.convene.api.realtime.SocketGateway;
import io.convene.app.call.TestPortal;
import io.convene.app.realtime.SocketClient;
import io.convene.app.support.MeetingFixtures;
import io.convene.application.presence.PresenceProperties;
import io.convene.application.presence.PresenceSweep;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Presence reaches the people who see the dot (seed 002 §3.9, Sc5) without any
 * {@code presence:subscribe}: those the portal says share a conversation or channel with the user,
 * and the other participants of their meetings and calls; offline comes within the disconnect
 * grace, not when the last heartbeat ages out.
 */
class PresencePeersIntegrationTest extends MeetingFixtures {

    @Autowired
    SocketGateway gateway;
    @Autowired
    RealtimeEvents realtimeEvents;
    @Autowired
    PresenceSweep presenceSweep;
    @Autowired
    PresenceProperties presenceProperties;
    @Autowired
    JdbcClient jdbc;

    private final List<SocketClient> clients = new ArrayList<>();

    @Override
    protected JdbcClient jdbc() {
        return jdbc;
    }

    @BeforeEach
    void eventsConsumerReady() {
        await().atMost(Duration.ofSeconds(60)).until(realtimeEvents::isAssigned);
    }

    @AfterEach
    void closeClients() throws Exception {
        clients.forEach(SocketClient::close);
        ClockUtil.reset();
        TestPortal.peers(ALICE); // the portal knows no peers of hers again
        deleteMeetingsMade();
    }

    @Test
    void who_is_in_a_meeting_in_progress_sees_its_invitees_come_online_without_subscribing() throws Exception {
        String meeting = createMeeting("alice", Map.of("title", "Sync", "startTime", Instant.now().toString(),
                "provider", "INTERNAL", "participantUserIds", List.of(CAROL)));
        assertThat(post("/api/meetings/" + meeting + "/join", tokens.of("alice"), null).statusCode()).isEqualTo(200);
        forgetPresenceOf(CAROL);
        SocketClient alice = connected("alice");

        connected("carol");

        JsonNode update = alice.awaitEvent("presence:update", d -> d.path("userId").asText().equals(CAROL)
                && d.path("status").asText().equals("online")).path("data");
        assertThat(update.has("lastSeen")).isTrue();
        post("/api/meetings/" + meeting + "/leave", tokens.of("alice"), null);
    }

    @Test
    void the_users_the_portal_says_share_a_conversation_see_the_dot_and_get_the_minute_digest() throws Exception {
        TestPortal.peers(ALICE, DAVE);
        forgetPresenceOf(DAVE);
        int asked = TestPortal.peerRequests(ALICE);
        SocketClient alice = connected("alice");
        assertThat(TestPortal.peerRequests(ALICE)).as("asked once, when her socket connected").isEqualTo(asked + 1);

        connected("dave");

        alice.awaitEvent("presence:user_connected", d -> d.path("userId").asText().equals(DAVE));
        gateway.presenceDigest();
        JsonNode digest = alice.awaitEvent("presence:bulk_update", d -> d.path("users").findValuesAsText("userId")
                .contains(DAVE)).path("data");
        assertThat(digest.path("users").findValuesAsText("status")).isNotEmpty();
    }

    @Test
    void offline_is_pushed_when_the_grace_after_the_last_socket_is_over_not_when_its_heartbeat_ages_out() throws Exception {
        TestPortal.peers(ALICE, BOB); // they have a 1:1 conversation
        forgetPresenceOf(BOB);
        SocketClient alice = connected("alice");
        SocketClient bob = connected("bob");
        assertThat(bob.emit("presence:heartbeat", Map.of()).path("ok").asBoolean()).isTrue(); // fresh: 90 s online
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "select last_heartbeat is not null from presence where user_id = :u").param("u", BOB)
                .query(Boolean.class).single());

        bob.close(); // his only socket: the tab is gone
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from presence_connection where user_id = :u").param("u", BOB).query(Long.class).single() == 0);
        Instant graceUntil = jdbc.sql("select grace_until from presence where user_id = :u").param("u", BOB)
                .query(java.sql.Timestamp.class).single().toInstant();
        ClockUtil.setCurrentTime(Date.from(graceUntil.plusSeconds(1))); // well inside the heartbeat's 90 s
        presenceSweep.sweep();

        alice.awaitEvent("presence:user_disconnected", d -> d.path("userId").asText().equals(BOB));
        alice.awaitEvent("presence:update", d -> d.path("userId").asText().equals(BOB)
                && d.path("status").asText().equals("offline"));
        assertThat(presenceProperties.onlineWindow()).isGreaterThan(presenceProperties.disconnectGrace().plusSeconds(1));
    }

    private void forgetPresenceOf(String userId) {
        jdbc.sql("delete from presence where user_id = :u").param("u", userId).update();
    }

    private SocketClient connected(String user) {
        SocketClient client = SocketClient.connect("http://127.0.0.1:" + gateway.port(), tokens.fetch(user, user),
                "websocket");
        clients.add(client);
        client.awaitType("connect");
        client.awaitEvent("presence:update", d -> true); // the gateway has finished its connect work
        return client;
    }
}
