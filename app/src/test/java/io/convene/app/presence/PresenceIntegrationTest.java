package io.convene.app.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.call.TestPortal;
import io.convene.app.support.Json;
import io.convene.app.support.StackTestBase;
import io.convene.application.presence.Presence;
import io.convene.application.presence.Presence.UserPresence;
import io.convene.application.presence.PresenceSweep;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Presence as the real-time gateway and the portal drive it: sockets (called as the gateway
 * will), heartbeats, the grace, dead instances, in-call from joins and leaves, the REST reads.
 * Time moves on Camunda's clock; the sweep is called directly.
 */
class PresenceIntegrationTest extends StackTestBase {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.DAYS);

    @Autowired
    Presence presence;
    @Autowired
    PresenceSweep sweep;
    @Autowired
    JdbcClient jdbc;

    private final String user = "presence-" + UUID.randomUUID();

    @BeforeEach
    void freezeClock() {
        at(T0);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void a_connected_socket_makes_the_user_online_and_a_second_one_announces_nothing() {
        presence.connected(user, "c1-" + user);
        presence.connected(user, "c2-" + user);

        assertThat(status(user)).isEqualTo("online");
        assertThat(changes(user)).extracting(e -> e.get("status").asText()).containsExactly("online");
    }

    @Test
    void after_the_last_socket_closes_the_user_stays_online_for_the_grace_then_goes_offline() {
        presence.connected(user, "c1-" + user);
        presence.connected(user, "c2-" + user);
        presence.disconnected(user, "c1-" + user);
        at(T0.plusSeconds(10));
        sweep.sweep();
        assertThat(status(user)).as("one socket still open").isEqualTo("online");

        presence.disconnected(user, "c2-" + user);
        at(T0.plusSeconds(14));
        sweep.sweep();
        assertThat(status(user)).as("inside the 5 s grace").isEqualTo("online");
        at(T0.plusSeconds(16));
        sweep.sweep();

        UserPresence after = presence.ofUser(user);
        assertThat(after.status()).isEqualTo("offline");
        assertThat(after.lastSeen()).isEqualTo(T0.plusSeconds(10));
        assertThat(changes(user)).extracting(e -> e.get("status").asText()).containsExactly("online", "offline");
        assertThat(changes(user).get(1).get("lastSeen").asText()).isEqualTo(T0.plusSeconds(10).toString());
    }

    @Test
    void the_users_of_an_instance_whose_lease_ran_out_go_offline_last_seen_at_its_last_renewal() {
        // another node held the user's socket, renewed its lease at T0 and died
        jdbc.sql("insert into presence_instance values ('dead-node-' || :u, :until, :at)").param("u", user)
                .param("until", Timestamp.from(T0.plusSeconds(30))).param("at", Timestamp.from(T0)).update();
        jdbc.sql("insert into presence (user_id, last_seen, status) values (:u, :at, 'online')").param("u", user)
                .param("at", Timestamp.from(T0.minusSeconds(100))).update();
        jdbc.sql("insert into presence_connection values ('c-' || :u, 'dead-node-' || :u, :u, :at)").param("u", user)
                .param("at", Timestamp.from(T0.minusSeconds(100))).update();
        assertThat(status(user)).isEqualTo("online");

        at(T0.plusSeconds(31));
        assertThat(status(user)).as("an expired lease's connections no longer count").isEqualTo("offline");
        sweep.sweep();

        assertThat(presence.ofUser(user).lastSeen()).isEqualTo(T0);
        assertThat(changes(user)).extracting(e -> e.get("status").asText()).containsExactly("offline");
        assertThat(jdbc.sql("select count(*) from presence_connection where user_id = :u").param("u", user)
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_socket_closing_after_another_instance_expired_its_connection_does_not_bring_the_user_back() {
        presence.connected(user, "c1-" + user);
        // this instance hung past its lease: another one deleted its connections and announced offline
        jdbc.sql("delete from presence_connection where connection_id = :c").param("c", "c1-" + user).update();
        at(T0.plusSeconds(10));
        sweep.sweep();
        assertThat(status(user)).isEqualTo("offline");

        presence.disconnected(user, "c1-" + user); // it resumes and hears the socket go

        assertThat(status(user)).as("no grace for a connection that was already gone").isEqualTo("offline");
        assertThat(presence.ofUser(user).lastSeen()).isEqualTo(T0);
        assertThat(changes(user)).extracting(e -> e.get("status").asText()).containsExactly("online", "offline");
    }

    @Test
    void heartbeats_keep_the_user_online_for_the_window_and_announce_only_the_transitions() {
        presence.heartbeat(user);
        assertThat(status(user)).as("visible before the batch is written").isEqualTo("online");
        sweep.flushHeartbeats();
        at(T0.plusSeconds(60));
        presence.heartbeat(user);
        sweep.flushHeartbeats();
        at(T0.plusSeconds(120));
        presence.heartbeat(user);
        sweep.sweep();
        assertThat(changes(user)).as("heartbeats of an online user announce nothing").hasSize(1);

        at(T0.plusSeconds(120 + 91));
        sweep.sweep();

        assertThat(presence.ofUser(user).status()).isEqualTo("offline");
        assertThat(presence.ofUser(user).lastSeen()).isEqualTo(T0.plusSeconds(120));
        assertThat(changes(user)).extracting(e -> e.get("status").asText()).containsExactly("online", "offline");
        assertThat(jdbc.sql("select last_heartbeat from presence where user_id = :u").param("u", user)
                .query(Timestamp.class).single().toInstant()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void joining_a_call_sets_in_call_and_leaving_clears_it_without_changing_online() throws Exception {
        ClockUtil.reset(); // the call's process runs on the real clock
        assertThat(post("/api/presence/heartbeat", tokens.of("bob"), null).statusCode()).isEqualTo(204);
        sweep.flushHeartbeats(); // bob's coming online is announced now, not in the middle of the call
        HttpResponse<String> call = post("/api/calls/instant", tokens.of("alice"),
                Json.write(Map.of("participantIds", List.of(BOB), "callType", "audio")));
        assertThat(call.statusCode()).as(call.body()).isEqualTo(201);
        String callId = Json.of(call).get("meetingId").asText();
        int before = changes(BOB).size();

        assertThat(post("/api/calls/accept", tokens.of("bob"), Json.write(Map.of("meetingId", callId))).statusCode())
                .isEqualTo(200);
        HttpResponse<String> joined = post("/api/calls/" + callId + "/join", tokens.of("bob"), null);
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        JsonNode inCall = Json.of(get("/api/presence/users?ids=" + BOB + "," + ALICE, tokens.of("carol")));
        assertThat(inCall.get(0).get("inCall").asBoolean()).isTrue();
        assertThat(inCall.get(0).get("status").asText()).isEqualTo("online");
        assertThat(inCall.get(1).get("inCall").asBoolean()).as("the caller is in the call at once").isTrue();

        HttpResponse<String> left = post("/api/calls/" + callId + "/leave", tokens.of("bob"), null);
        assertThat(left.statusCode()).as(left.body()).isEqualTo(200);
        JsonNode after = Json.of(get("/api/presence/conversation/" + BOB, tokens.of("alice")));
        assertThat(after.get("inCall").asBoolean()).isFalse();
        assertThat(after.get("status").asText()).isEqualTo("online");

        List<JsonNode> bobs = changes(BOB).subList(before, changes(BOB).size());
        assertThat(bobs).extracting(e -> e.get("inCall").asBoolean()).containsExactly(true, false);
        assertThat(bobs).extracting(e -> e.get("status").asText()).containsOnly("online");
        post("/api/calls/" + callId + "/leave", tokens.of("alice"), null);
    }

    @Test
    void the_rest_reads_name_the_bad_field() throws Exception {
        String alice = tokens.of("alice");
        assertField(get("/api/presence/users?ids=", alice), "ids");
        String tooMany = IntStream.range(0, 501).mapToObj(i -> "u" + i).collect(Collectors.joining(","));
        assertField(get("/api/presence/users?ids=" + tooMany, alice), "ids");
        assertField(get("/api/presence/users?ids=" + "x".repeat(65), alice), "ids");
        assertField(get("/api/presence/conversation/" + "x".repeat(65), alice), "userId");
        assertThat(get("/api/presence/conversation/" + BOB, null).statusCode()).isEqualTo(401);
    }

    @Test
    void the_conversation_peer_is_read_by_id() throws Exception {
        presence.connected(user, "c1-" + user);

        JsonNode peer = Json.of(get("/api/presence/conversation/" + user, tokens.of("alice")));

        assertThat(peer.get("userId").asText()).isEqualTo(user);
        assertThat(peer.get("status").asText()).isEqualTo("online");
        assertThat(peer.get("lastSeen").asText()).isEqualTo(T0.toString());
        assertThat(peer.get("inCall").asBoolean()).isFalse();
    }

    @Test
    void a_channels_members_come_from_the_portal_and_an_outsider_or_unknown_channel_gets_404() throws Exception {
        TestPortal.thread("presence-general", ALICE, BOB);
        TestPortal.down("presence-broken");

        HttpResponse<String> members = get("/api/presence/channel/presence-general", tokens.of("alice"));

        assertThat(members.statusCode()).as(members.body()).isEqualTo(200);
        assertThat(Json.of(members).findValuesAsText("userId")).containsExactly(ALICE, BOB);
        assertThat(get("/api/presence/channel/presence-general", tokens.of("carol")).statusCode()).isEqualTo(404);
        assertThat(get("/api/presence/channel/presence-nobody-knows", tokens.of("alice")).statusCode()).isEqualTo(404);
        HttpResponse<String> down = get("/api/presence/channel/presence-broken", tokens.of("alice"));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private String status(String userId) {
        return presence.ofUser(userId).status();
    }

    private List<JsonNode> changes(String userId) {
        return jdbc.sql("""
                select data::text from outbox_event where type = 'presence.changed' and subject = :u
                order by position""").param("u", userId).query(String.class).list().stream()
                .map(PresenceIntegrationTest::parse).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Json.of(response).get("errors").findValuesAsText("field")).contains(field);
    }
}
