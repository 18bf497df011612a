package io.convene.app.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import io.convene.api.realtime.RealtimeEvents;
import io.convene.api.realtime.SocketGateway;
import io.convene.app.realtime.SocketClient;
import io.convene.app.support.Json;
import io.convene.application.meeting.LeavingByDisconnect;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Seed 002's scenario 4 and the guest's boundaries, over REST and the real socket.io-client, on the real stack. */
class GuestScenarioIntegrationTest extends GuestFixtures {

    @Autowired
    SocketGateway gateway;
    @Autowired
    RealtimeEvents realtimeEvents;
    @Value("${convene.conference.jitsi.app-secret}")
    String jitsiSecret;
    @Autowired
    LeavingByDisconnect leaving;

    @BeforeEach
    void eventsConsumerReady() {
        await().atMost(Duration.ofSeconds(60)).until(realtimeEvents::isAssigned);
    }

    private SocketClient portalSocket(String user) {
        SocketClient client = SocketClient.connect(url(), tokens.of(user), "websocket");
        clients.add(client);
        client.awaitType("connect");
        client.awaitEvent("presence:update", d -> true); // its connect work is done: it is in its rooms
        return client;
    }

    private SocketClient guestSocket(String credential) {
        SocketClient client = SocketClient.connect(url(), credential, "websocket");
        clients.add(client);
        client.awaitType("connect");
        return client;
    }

    private String url() {
        return "http://127.0.0.1:" + gateway.port();
    }

    @Test
    void scenario_4_link_landing_register_ask_admit_join_and_removal_when_the_last_internal_participant_leaves()
            throws Exception {
        // Alice's meeting starts in 30 min; Charlie opens the link early
        Instant start = Instant.now().plus(Duration.ofMinutes(30));
        String meeting = guestMeeting(start);
        String token = link(meeting, "alice");
        JsonNode early = Json.of(landing(token, newAddress()));
        assertThat(early.get("title").asText()).isEqualTo("Client Demo");
        assertThat(early.get("hostName").asText()).isEqualTo("Alice Anders");
        assertThat(early.get("status").asText()).isEqualTo("not_started");
        assertThat(early.get("secondsUntilStart").asLong()).isBetween(1700L, 1800L);
        assertThat(early.get("askForAccessEnabled").asBoolean()).isFalse();
        Registered charlie = registered(token, "  Charlie (Acme Corp)  ");
        SocketClient charlieSocket = guestSocket(charlie.credential());
        assertThat(get("/api/meetings/external/session/" + charlie.sessionId(), charlie.credential()).body())
                .contains("\"displayName\":\"Charlie (Acme Corp)\"");

        // Alice and Bob are in the meeting: the landing page counts them, never names them
        SocketClient aliceSocket = portalSocket("alice");
        SocketClient bobSocket = portalSocket("bob");
        join(meeting, "alice");
        join(meeting, "bob");
        HttpResponse<String> during = landing(token, newAddress());
        assertThat(Json.of(during).get("activeParticipants").asInt()).isEqualTo(2);
        assertThat(Json.of(during).get("askForAccessEnabled").asBoolean()).isTrue();
        assertThat(during.body()).doesNotContain("Bob").doesNotContain(BOB);

        // Charlie asks; both see him waiting; Bob admits
        assertThat(ask(charlie).statusCode()).isEqualTo(202);
        for (SocketClient inside : List.of(aliceSocket, bobSocket)) {
            inside.awaitEvent("meeting:guest_waiting", d -> d.path("sessionId").asText().equals(charlie.sessionId())
                    && d.path("displayName").asText().equals("Charlie (Acme Corp)")
                    && d.path("meetingId").asText().equals(meeting));
        }
        assertThat(Json.of(get("/api/notifications", tokens.of("alice"))).findValuesAsText("type")).contains("meeting.guest_waiting");
        assertThat(answer(meeting, charlie, "bob", "admit").statusCode()).isEqualTo(200);
        charlieSocket.awaitEvent("meeting:guest_admitted", d -> d.path("sessionId").asText().equals(charlie.sessionId())
                && d.path("admittedBy").asText().equals(BOB));

        // his join: this room only, never moderator, as short-lived as the members'
        HttpResponse<String> joined = post("/api/meetings/external/session/" + charlie.sessionId() + "/join",
                charlie.credential(), null);
        assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
        JsonNode jitsi = Json.of(joined).get("jitsi");
        String room = jdbc.sql("select room_key from meeting where id = :id").param("id", meeting).query(String.class).single();
        DecodedJWT jwt = JWT.require(Algorithm.HMAC256(jitsiSecret)).withAudience("jitsi").withIssuer("convene-test")
                .withSubject("meet.test.local").withClaim("room", room).build().verify(jitsi.get("token").asText());
        assertThat(jwt.getClaim("moderator").asBoolean()).isFalse();
        assertThat(((Map<?, ?>) jwt.getClaim("context").asMap().get("user")).get("moderator")).isEqualTo(false);
        assertThat(Duration.between(Instant.now(), jwt.getExpiresAt().toInstant())).isLessThanOrEqualTo(Duration.ofSeconds(90));
        assertThat(jitsi.get("room").asText()).isEqualTo(room);
        aliceSocket.awaitEvent("external:joined", d -> d.path("sessionId").asText().equals(charlie.sessionId()));
        assertThat(jdbc.sql("""
                select type from outbox_event where subject = :meeting and type like 'external.%' order by position""")
                .param("meeting", meeting).query(String.class).list())
                .containsExactly("external.waiting", "external.admitted", "external.joined");

        // Bob, then Alice leave: Charlie is warned, and removed once the grace (PT5M) is over
        leave(meeting, "bob");
        leave(meeting, "alice");
        JsonNode warning = charlieSocket.awaitEvent("external:all_server_users_left", d -> d.path("meetingId").asText().equals(meeting))
                .path("data");
        Instant removeAt = Instant.parse(warning.path("removeAt").asText());
        assertThat(Duration.between(Instant.now(), removeAt)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
        assertThat(get("/api/meetings/external/session/" + charlie.sessionId(), charlie.credential()).statusCode()).isEqualTo(200);
        moveClockTo(removeAt.plusSeconds(1));
        charlieSocket.awaitEvent("external:removed", d -> d.path("reason").asText().equals("all_server_users_left"));
        charlieSocket.awaitType("disconnect");
        assertThat(get("/api/meetings/external/session/" + charlie.sessionId(), charlie.credential()).statusCode()).isEqualTo(401);
        assertThat(charlieSocket.events("meeting:guest_waiting")).isEmpty(); // a guest hears only its own four
        assertThat(charlieSocket.events("external:joined")).isEmpty();
    }

    @Test
    void an_internal_participant_rejoining_within_the_grace_keeps_the_guest() throws Exception {
        String meeting = guestMeeting(Instant.now().minus(Duration.ofMinutes(1)));
        String token = link(meeting, "alice");
        join(meeting, "alice");
        Registered guest = registered(token, "Eve");
        assertThat(ask(guest).statusCode()).isEqualTo(202);
        assertThat(answer(meeting, guest, "alice", "admit").statusCode()).isEqualTo(200);
        leave(meeting, "alice");
        await().atMost(Duration.ofSeconds(20)).until(() -> graceTimers(guest) == 1);

        join(meeting, "alice");

        assertThat(graceTimers(guest)).isZero();
        moveClockTo(Instant.now().plus(Duration.ofMinutes(6)));
        assertThat(get("/api/meetings/external/session/" + guest.sessionId(), guest.credential()).statusCode()).isEqualTo(200);
    }

    private long graceTimers(Registered guest) {
        return jdbc.sql("""
                select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_
                where e.business_key_ = :session and j.handler_cfg_ like '%TimerEvent_Grace%'""")
                .param("session", guest.sessionId()).query(Long.class).single();
    }

    @Test
    void asking_before_anyone_joined_is_refused_with_the_seeds_reason() throws Exception {
        String meeting = guestMeeting(Instant.now().plus(Duration.ofMinutes(20)));
        Registered guest = registered(link(meeting, "alice"), "Early Eve");

        HttpResponse<String> refused = ask(guest);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Json.of(refused).get("detail").asText()).isEqualTo("Meeting hasn't started yet - Please wait");
    }

    @Test
    void two_participants_answering_at_once_one_wins_the_other_gets_409() throws Exception {
        String meeting = guestMeeting(Instant.now().minus(Duration.ofMinutes(1)));
        String token = link(meeting, "alice");
        join(meeting, "alice");
        join(meeting, "bob");
        Registered guest = registered(token, "Mallory");
        assertThat(ask(guest).statusCode()).isEqualTo(202);
        tokens.of("alice");
        tokens.of("bob");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<HttpResponse<String>> aliceAdmits = () -> { go.await(); return answer(meeting, guest, "alice", "admit"); };
            Callable<HttpResponse<String>> bobDeclines = () -> { go.await(); return answer(meeting, guest, "bob", "decline"); };
            Future<HttpResponse<String>> admit = two.submit(aliceAdmits);
            Future<HttpResponse<String>> decline = two.submit(bobDeclines);
            go.countDown();

            List<Integer> statuses = List.of(admit.get().statusCode(), decline.get().statusCode());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            String winner = admit.get().statusCode() == 200 ? "admitted" : "declined";
            assertThat(Json.of(get("/api/meetings/external/session/" + guest.sessionId(), guest.credential()))
                    .get("admission").asText()).isEqualTo(winner);
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void the_socket_events_admit_a_guest_and_a_second_answer_gets_409() throws Exception {
        String meeting = guestMeeting(Instant.now().minus(Duration.ofMinutes(1)));
        String token = link(meeting, "alice");
        join(meeting, "alice");
        join(meeting, "bob");
        Registered guest = registered(token, "Sam");
        assertThat(ask(guest).statusCode()).isEqualTo(202);

        JsonNode first = portalSocket("alice").emit("meeting:admit_guest", Map.of("meetingId", meeting, "sessionId", guest.sessionId()));
        JsonNode second = portalSocket("bob").emit("meeting:decline_guest", Map.of("meetingId", meeting, "sessionId", guest.sessionId()));

        assertThat(first.path("ok").asBoolean()).as(first.toString()).isTrue();
        assertThat(second.path("problem").path("status").asInt()).as(second.toString()).isEqualTo(409);
    }

    @Test
    void a_guest_credential_opens_no_internal_endpoint_and_no_other_session() throws Exception {
        String meeting = guestMeeting(Instant.now().minus(Duration.ofMinutes(1)));
        String token = link(meeting, "alice");
        join(meeting, "alice");
        Registered guest = registered(token, "Trudy");
        Registered other = registered(token, "Victor");
        String otherMeeting = guestMeeting(Instant.now().minus(Duration.ofMinutes(1)));
        Registered elsewhere = registered(link(otherMeeting, "alice"), "Walter");

        for (String path : List.of("/api/me", "/api/meetings", "/api/meetings/" + meeting, "/api/meetings/" + meeting + "/chat",
                "/api/meetings/" + meeting + "/preview", "/api/notifications", "/api/presence/users?ids=" + ALICE)) {
            assertThat(get(path, guest.credential()).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(post("/api/meetings/" + meeting + "/join", guest.credential(), null).statusCode()).isEqualTo(401);
        assertThat(post("/api/meetings/" + meeting + "/guests/" + guest.sessionId() + "/admit", guest.credential(), null)
                .statusCode()).isEqualTo(401);
        assertThat(post("/api/meetings/" + meeting + "/generate-link", guest.credential(), null).statusCode()).isEqualTo(401);
        // another guest's session, of this meeting or another: it does not exist for this guest
        assertThat(get("/api/meetings/external/keys/" + elsewhere.sessionId(), guest.credential()).statusCode()).isEqualTo(404);
        assertThat(get("/api/meetings/external/keys/" + other.sessionId(), guest.credential()).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/meetings/external/session/" + other.sessionId(), guest.credential(), null).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/meetings/external/keys/" + guest.sessionId(), guest.credential()).statusCode()).isEqualTo(200);
        // a guest's socket only listens
        SocketClient socket = guestSocket(guest.credential());
        assertThat(socket.emit("meeting:register-participant", Map.of("meetingId", meeting)).path("problem").path("status").asInt())
                .isEqualTo(403);
        assertThat(socket.emit("meeting:admit_guest", Map.of("meetingId", meeting, "sessionId", other.sessionId()))
                .path("problem").path("status").asInt()).isEqualTo(403);
    }

    @Test
    void the_pre_key_bundle_is_for_the_meetings_participants_and_the_guest_itself() throws Exception {
        String meeting = guestMeeting(Instant.now().plus(Duration.ofMinutes(10)));
        Registered guest = registered(link(meeting, "alice"), "Peggy");

        HttpResponse<String> bob = get("/api/meetings/external/keys/" + guest.sessionId(), tokens.of("bob"));
        HttpResponse<String> dave = get("/api/meetings/external/keys/" + guest.sessionId(), tokens.of("dave"));

        assertThat(bob.statusCode()).as(bob.body()).isEqualTo(200);
        assertThat(Json.of(bob).get("preKeys")).hasSize(2);
        assertThat(Json.of(bob).get("identityKeyPublic").asText()).isEqualTo("BQxIdentityKeyOf" + "Peggy".hashCode());
        assertThat(dave.statusCode()).isEqualTo(404); // not in the meeting
        assertThat(get("/api/meetings/external/keys/" + guest.sessionId(), null).statusCode()).isEqualTo(401);
    }

    @Test
    void internal_users_preview_names_a_guest_with_the_token_only_a_count() throws Exception {
        String meeting = guestMeeting(Instant.now().minus(Duration.ofMinutes(1)));
        String token = link(meeting, "alice");
        join(meeting, "alice");
        join(meeting, "bob");

        HttpResponse<String> internal = get("/api/meetings/" + meeting + "/preview", tokens.of("carol"));
        HttpResponse<String> guest = http.send(HttpRequest.newBuilder(api("/api/meetings/" + meeting + "/preview"))
                .header("X-Invitation-Token", token).header("X-Forwarded-For", newAddress()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongToken = http.send(HttpRequest.newBuilder(api("/api/meetings/" + meeting + "/preview"))
                .header("X-Invitation-Token", "not-the-token").header("X-Forwarded-For", newAddress()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(internal.body()).contains("Bob Berg").contains("Alice Anders");
        assertThat(guest.statusCode()).as(guest.body()).isEqualTo(200);
        assertThat(Json.of(guest).get("activeCount").asInt()).isEqualTo(2);
        assertThat(guest.body()).doesNotContain("Bob").doesNotContain("Alice").doesNotContain(BOB);
        assertThat(wrongToken.statusCode()).isEqualTo(404);
    }

    @Test
    void links_are_for_owners_managers_and_inviters_of_meetings_that_allow_guests_and_never_leave_the_answer() throws Exception {
        String meeting = guestMeeting(Instant.now().plus(Duration.ofMinutes(10)));
        String closed = createMeeting("alice", Map.of("title", "Internal only", "startTime",
                Instant.now().plus(Duration.ofMinutes(10)).toString(), "provider", "JITSI"));

        assertThat(post("/api/meetings/" + meeting + "/generate-link", tokens.of("carol"), null).statusCode()).isEqualTo(403);
        assertThat(post("/api/meetings/" + meeting + "/generate-link", tokens.of("dave"), null).statusCode()).isEqualTo(404);
        assertThat(post("/api/meetings/" + closed + "/generate-link", tokens.of("alice"), null).statusCode()).isEqualTo(409);
        String token = link(meeting, "alice");

        assertThat(token).matches("[A-Za-z0-9_-]{43}"); // 256 random bits
        assertThat(jdbc.sql("select count(*) from outbox_event where data::text like :token").param("token", "%" + token + "%")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from guest_link where meeting_id = :m").param("m", meeting)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select type from outbox_event where subject = :m order by position desc limit 1")
                .param("m", meeting).query(String.class).single()).isEqualTo("meeting.invite_link_generated");
    }

    @Test
    void a_call_gets_a_link_and_its_landing_page_says_how_many_are_in_it() throws Exception {
        assertThat(post("/api/presence/heartbeat", tokens.of("bob"), null).statusCode()).isLessThan(300); // only online users are rung
        HttpResponse<String> call = post("/api/calls/instant", tokens.of("alice"),
                Json.write(Map.of("participantIds", List.of(BOB), "callType", "video")));
        assertThat(call.statusCode()).as(call.body()).isEqualTo(201);
        String callId = Json.of(call).get("meetingId").asText();
        try {
            HttpResponse<String> generated = post("/api/calls/" + callId + "/generate-link", tokens.of("alice"), null);
            assertThat(generated.statusCode()).as(generated.body()).isEqualTo(200);

            JsonNode landing = Json.of(landing(Json.of(generated).get("invitationToken").asText(), newAddress()));

            assertThat(landing.get("isInstantCall").asBoolean()).isTrue();
            assertThat(landing.get("message").asText()).isEqualTo("Call in progress - 1 participant currently active");
            assertThat(landing.get("askForAccessEnabled").asBoolean()).isTrue();
        } finally {
            post("/api/calls/" + callId + "/leave", tokens.of("alice"), null);
        }
    }

    @Test
    void guests_of_a_call_are_warned_when_it_ends_and_removed_after_the_grace_though_the_call_is_cleaned_up_at_once()
            throws Exception {
        assertThat(post("/api/presence/heartbeat", tokens.of("bob"), null).statusCode()).isLessThan(300);
        HttpResponse<String> call = post("/api/calls/instant", tokens.of("alice"),
                Json.write(Map.of("participantIds", List.of(BOB), "callType", "video")));
        String callId = Json.of(call).get("meetingId").asText();
        HttpResponse<String> generated = post("/api/calls/" + callId + "/generate-link", tokens.of("alice"), null);
        String token = Json.of(generated).get("invitationToken").asText();
        Registered admitted = registered(token, "Invited");
        Registered waiting = registered(token, "Never asked");
        assertThat(ask(admitted).statusCode()).isEqualTo(202);
        assertThat(answer(callId, admitted, "alice", "admit").statusCode()).isEqualTo(200);
        SocketClient admittedSocket = guestSocket(admitted.credential());
        SocketClient waitingSocket = guestSocket(waiting.credential());

        assertThat(post("/api/calls/" + callId + "/leave", tokens.of("alice"), null).statusCode()).isEqualTo(200);

        waitingSocket.awaitEvent("external:removed", d -> d.path("reason").asText().equals("meeting_ended"));
        JsonNode warning = admittedSocket.awaitEvent("external:all_server_users_left", d -> true).path("data");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from meeting where id = :id")
                .param("id", callId).query(Long.class).single() == 0); // the call is cleaned up at once
        assertThat(get("/api/meetings/external/session/" + admitted.sessionId(), admitted.credential()).statusCode()).isEqualTo(200);
        moveClockTo(Instant.parse(warning.path("removeAt").asText()).plusSeconds(1));
        admittedSocket.awaitEvent("external:removed", d -> d.path("reason").asText().equals("all_server_users_left"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from guest_session where meeting_id = :id")
                .param("id", callId).query(Long.class).single() == 0); // nothing of it is left
    }

    @Test
    void scenario_4_step_10_when_the_tab_of_the_last_internal_participant_closes_the_guest_is_warned_after_the_grace()
            throws Exception {
        String meeting = guestMeeting(Instant.now().plus(Duration.ofMinutes(30)));
        Registered charlie = registered(link(meeting, "alice"), "Charlie (Acme Corp)");
        SocketClient charlieSocket = guestSocket(charlie.credential());
        SocketClient alice = SocketClient.connect(url(), tokens.fetch("alice", "alice"), "websocket"); // outlives the clock's move
        clients.add(alice);
        alice.awaitEvent("presence:update", d -> true);
        join(meeting, "alice"); // with her socket open: her sockets track it
        assertThat(ask(charlie).statusCode()).isEqualTo(202);
        assertThat(answer(meeting, charlie, "alice", "admit").statusCode()).isEqualTo(200);
        charlieSocket.awaitEvent("meeting:guest_admitted", d -> d.path("sessionId").asText().equals(charlie.sessionId()));

        alice.crash(); // her tab (or her browser) closes: no leave is ever sent
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select leave_due_at is not null from presence where user_id = :u").param("u", ALICE).query(Boolean.class).single());
        Instant due = jdbc.sql("select leave_due_at from presence where user_id = :u").param("u", ALICE)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(get("/api/meetings/external/session/" + charlie.sessionId(), charlie.credential()).statusCode())
                .isEqualTo(200);
        moveClockTo(due.plusSeconds(1));
        leaving.leaveDue(); // (or the scheduler's pass)

        JsonNode warning = charlieSocket.awaitEvent("external:all_server_users_left",
                d -> d.path("meetingId").asText().equals(meeting)).path("data");
        assertThat(Duration.between(due, Instant.parse(warning.path("removeAt").asText())))
                .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
        assertThat(jdbc.sql("""
                select data->>'reason' from outbox_event where subject = :m and type = 'participant.left'""")
                .param("m", meeting).query(String.class).list()).containsExactly("disconnected");
        // a guest's own socket never counts as a portal user's: it is no presence connection of anyone
        assertThat(jdbc.sql("select count(*) from presence_connection where user_id = :s").param("s", charlie.sessionId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void deleting_a_meeting_removes_its_guests_at_once() throws Exception {
        String meeting = guestMeeting(Instant.now().plus(Duration.ofMinutes(10)));
        Registered guest = registered(link(meeting, "alice"), "Orphan");
        SocketClient socket = guestSocket(guest.credential());

        assertThat(send("DELETE", "/api/meetings/bulk", tokens.of("alice"),
                Json.write(Map.of("meetingIds", List.of(meeting)))).body()).contains("\"deleted\":1");

        socket.awaitEvent("external:removed", d -> d.path("reason").asText().equals("meeting_deleted"));
        assertThat(get("/api/meetings/external/session/" + guest.sessionId(), guest.credential()).statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from guest_session where meeting_id = :id").param("id", meeting)
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_reconnecting_guest_renews_its_credential_and_keeps_its_session_until_it_ends_it() throws Exception {
        String meeting = guestMeeting(Instant.now().plus(Duration.ofMinutes(10)));
        Registered guest = registered(link(meeting, "alice"), "Reloading");

        HttpResponse<String> renewed = post("/api/meetings/external/session/" + guest.sessionId() + "/credential",
                guest.credential(), null);
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        String fresh = Json.of(renewed).get("credential").asText();
        assertThat(fresh).startsWith("cvg_").isNotEqualTo(guest.credential());
        assertThat(get("/api/meetings/external/session/" + guest.sessionId(), guest.credential()).statusCode()).isEqualTo(401);
        assertThat(Json.of(get("/api/meetings/external/session/" + guest.sessionId(), fresh)).get("sessionId").asText())
                .isEqualTo(guest.sessionId());
        SocketClient socket = guestSocket(fresh); // the same session, a new socket

        assertThat(send("DELETE", "/api/meetings/external/session/" + guest.sessionId(), fresh, null).statusCode()).isEqualTo(204);

        socket.awaitType("disconnect");
        assertThat(get("/api/meetings/external/session/" + guest.sessionId(), fresh).statusCode()).isEqualTo(401);
        assertThat(get("/api/meetings/external/keys/" + guest.sessionId(), tokens.of("bob")).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from act_ru_execution where business_key_ = :s").param("s", guest.sessionId())
                .query(Long.class).single()).isZero(); // its guest-admission instance ended with it
    }

    @Test
    void registration_names_the_bad_field() throws Exception {
        String meeting = guestMeeting(Instant.now().plus(Duration.ofMinutes(10)));
        String token = link(meeting, "alice");
        HttpResponse<String> blank = register(token, "   ", newAddress());
        HttpResponse<String> tooManyKeys = http.send(HttpRequest.newBuilder(api("/api/meetings/external/register"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", newAddress())
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("token", token, "displayName", "X",
                        "identityKeyPublic", "i", "signedPreKey", "s",
                        "preKeys", java.util.stream.IntStream.range(0, 101).boxed().toList())))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("\"displayName\"");
        assertThat(tooManyKeys.statusCode()).isEqualTo(400);
        assertThat(tooManyKeys.body()).contains("\"preKeys\"").contains("at most 100");
        assertThat(blank.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    }
}
