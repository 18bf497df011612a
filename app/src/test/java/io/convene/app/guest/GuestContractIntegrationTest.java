package io.convene.app.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.api.realtime.RealtimeEvents;
import io.convene.api.realtime.SocketGateway;
import io.convene.app.realtime.SocketClient;
import io.convene.app.support.Json;
import io.convene.application.guest.InvitationLinks;
import io.convene.application.shared.Actor;
import io.convene.domain.meeting.MeetingId;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Guests as seed 002's own client meets them (issue 20): the landing page that counts down before
 * the link's window, registration with the keys as {@code ExternalParticipantService.joinAsExternal}
 * sends them, the host's list of guests and removing one (§4.2), the invite dialog's current link
 * (scenario 8 step 7).
 */
class GuestContractIntegrationTest extends GuestFixtures {

    @Autowired
    SocketGateway gateway;
    @Autowired
    RealtimeEvents realtimeEvents;
    @Autowired
    InvitationLinks invitationLinks;

    @BeforeEach
    void eventsConsumerReady() {
        await().atMost(Duration.ofSeconds(60)).until(realtimeEvents::isAssigned);
    }

    // --- the landing page before the window -------------------------------------------------------

    @Test
    void a_current_link_before_its_window_answers_the_countdown_and_registering_waits_for_the_window() throws Exception {
        Instant start = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        String meeting = guestMeeting(start);
        String token = link(meeting, "alice");

        HttpResponse<String> early = landing(token, newAddress());

        assertThat(early.statusCode()).as(early.body()).isEqualTo(200);
        JsonNode page = Json.of(early);
        assertThat(page.get("meetingId").asText()).isEqualTo(meeting);
        assertThat(page.get("title").asText()).isEqualTo("Client Demo");
        assertThat(page.get("hostName").asText()).isEqualTo("Alice Anders");
        assertThat(Instant.parse(page.get("startTime").asText())).isEqualTo(start);
        assertThat(Instant.parse(page.get("validFrom").asText())).isEqualTo(start.minus(Duration.ofHours(1)));
        assertThat(Instant.parse(page.get("validUntil").asText())).isEqualTo(start.plus(Duration.ofHours(1)));
        assertThat(page.get("joinable").asBoolean()).isFalse();
        assertThat(page.get("status").asText()).isEqualTo("not_started");
        assertThat(page.get("secondsUntilStart").asLong()).isBetween(3 * 3600L - 60, 3 * 3600L);
        assertThat(page.get("secondsUntilJoinable").asLong()).isBetween(2 * 3600L - 60, 2 * 3600L);
        assertThat(page.get("askForAccessEnabled").asBoolean()).isFalse();
        assertThat(page.get("message").asText())
                .isEqualTo("This invitation is only valid 1 hour before and after the meeting start time.");

        HttpResponse<String> tooEarly = register(token, "Early Charlie", newAddress());

        assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(409);
        assertThat(Json.of(tooEarly).get("detail").asText()).contains("opens at " + start.minus(Duration.ofHours(1)));
        assertThat(guestSessionsOf(meeting)).isZero();
        assertThat(jdbc.sql("select joins from guest_link where meeting_id = :m").param("m", meeting)
                .query(Integer.class).single()).isZero(); // no join of the link's ten was used up

        moveClockTo(start.minus(Duration.ofHours(1)).plusSeconds(1)); // the window is open
        JsonNode inside = Json.of(landing(token, newAddress()));
        assertThat(inside.get("joinable").asBoolean()).isTrue();
        assertThat(inside.get("secondsUntilJoinable").asLong()).isZero();
        assertThat(inside.get("message").asText()).isEqualTo("Meeting hasn't started yet - Please wait");
        assertThat(register(token, "Charlie", newAddress()).statusCode()).isEqualTo(201);
    }

    @Test
    void every_invalid_token_gets_one_answer_byte_for_byte_and_none_of_the_landing_fields() throws Exception {
        Instant start = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        String meeting = guestMeeting(start);
        String superseded = link(meeting, "alice");
        String current = link(meeting, "alice");
        String cancelled = guestMeeting(start);
        String cancelledToken = link(cancelled, "alice");
        assertThat(post("/api/meetings/" + cancelled + "/cancel", tokens.of("alice"), null).statusCode()).isEqualTo(200);
        String closed = guestMeeting(start);
        String closedToken = link(closed, "alice");
        HttpResponse<String> off = send("PATCH", "/api/meetings/" + closed + "/settings", tokens.of("alice"),
                Json.write(Map.of("allowExternal", false)));
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        String ended = guestMeeting(Instant.now().minus(Duration.ofMinutes(1)));
        String endedToken = link(ended, "alice");
        join(ended, "alice");
        HttpResponse<String> end = post("/api/meetings/" + ended + "/end", tokens.of("alice"), null);
        assertThat(end.statusCode()).as(end.body()).isLessThan(300);

        String address = newAddress();
        HttpResponse<String> random = landing(GuestLimitsIntegrationTest.randomToken(), address);
        List<HttpResponse<String>> answers = new ArrayList<>(List.of(landing(superseded, address),
                landing(cancelledToken, address), landing(closedToken, address), landing(endedToken, address),
                register(superseded, "Old", newAddress()), register(cancelledToken, "Cancelled", newAddress()),
                register(endedToken, "Ended", newAddress())));
        moveClockTo(start.plus(Duration.ofHours(1)).plusSeconds(1)); // past the window
        answers.add(landing(current, address));
        answers.add(register(current, "Late", newAddress()));

        assertThat(random.statusCode()).isEqualTo(404);
        assertThat(random.body()).doesNotContain("joinable").doesNotContain("validFrom").doesNotContain("meetingId")
                .doesNotContain("hostName").doesNotContain("Client Demo");
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.body()).isEqualTo(random.body());
            assertThat(answer.headers().firstValue("Content-Type")).isEqualTo(random.headers().firstValue("Content-Type"));
        }
    }

    // --- registering as the seed's client sends it -------------------------------------------------

    @Test
    void the_seeds_client_registers_with_object_keys_and_gets_them_back_in_the_same_shape() throws Exception {
        String meeting = guestMeeting(Instant.now().plus(Duration.ofMinutes(10)));
        String token = link(meeting, "alice");
        Map<String, Object> signedPreKey = Map.of("keyId", 1, "publicKey", base64(33, 1), "signature", base64(64, 2));
        List<Map<String, Object>> preKeys = IntStream.rangeClosed(1, 100)
                .mapToObj(i -> Map.<String, Object>of("keyId", i, "publicKey", base64(33, i))).toList();
        Map<String, Object> body = new LinkedHashMap<>(); // ExternalParticipantService.joinAsExternal, field by field
        body.put("invitationToken", token);
        body.put("displayName", "Charlie (Acme Corp)");
        body.put("email", null);
        body.put("identityKeyPublic", base64(33, 7));
        body.put("signedPreKey", signedPreKey);
        body.put("preKeys", preKeys);

        HttpResponse<String> registered = registerRaw(body);

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode answer = Json.of(registered);
        String sessionId = answer.get("sessionId").asText();
        String expiresAt = answer.get("expiresAt").asText();
        assertThat(expiresAt).endsWith("Z");
        assertThat(Duration.between(Instant.now(), Instant.parse(expiresAt)))
                .isBetween(Duration.ofHours(23), Duration.ofHours(24)); // the session maximum
        assertThat(answer.get("sessionExpiresAt").asText()).isEqualTo(expiresAt);
        assertThat(answer.get("credential").asText()).startsWith("cvg_");

        for (String caller : List.of(tokens.of("bob"), answer.get("credential").asText())) {
            HttpResponse<String> keys = get("/api/meetings/external/keys/" + sessionId, caller);
            assertThat(keys.statusCode()).as(keys.body()).isEqualTo(200);
            JsonNode bundle = Json.of(keys);
            assertThat(bundle.get("identityKeyPublic").asText()).isEqualTo(base64(33, 7));
            assertThat(bundle.get("signedPreKey")).isEqualTo(tree(signedPreKey));
            assertThat(bundle.get("preKeys")).isEqualTo(tree(preKeys));
        }

        // the string forms are still taken and come back as strings
        Registered strings = registered(token, "Stringy");
        JsonNode stringBundle = Json.of(get("/api/meetings/external/keys/" + strings.sessionId(), tokens.of("bob")));
        assertThat(stringBundle.get("signedPreKey").isTextual()).isTrue();
        assertThat(stringBundle.get("signedPreKey").asText()).isEqualTo("signed-" + "Stringy".hashCode());
    }

    @Test
    void keys_too_many_too_deep_too_large_or_of_the_wrong_kind_get_400_naming_the_field() throws Exception {
        String meeting = guestMeeting(Instant.now().plus(Duration.ofMinutes(10)));
        String token = link(meeting, "alice");
        List<Object> ok = List.of(Map.of("keyId", 1, "publicKey", base64(33, 1)));

        HttpResponse<String> tooMany = registerRaw(keys(token, Map.of("keyId", 1), IntStream.rangeClosed(1, 101)
                .mapToObj(i -> (Object) Map.of("keyId", i, "publicKey", base64(33, i))).toList()));
        HttpResponse<String> tooDeep = registerRaw(keys(token, Map.of("a", Map.of("b", Map.of("c", Map.of("d", 1)))), ok));
        HttpResponse<String> tooLarge = registerRaw(keys(token, Map.of("keyId", 1), List.of(ok.get(0), ok.get(0),
                ok.get(0), Map.of("keyId", 4, "publicKey", "A".repeat(2000)))));
        HttpResponse<String> wrongKind = registerRaw(keys(token, List.of("a", "b"), List.of(42)));
        HttpResponse<String> notAList = registerRaw(keys(token, "signed", Map.of("keyId", 1)));

        assertThat(fields(tooMany)).containsExactly("preKeys");
        assertThat(Json.of(tooMany).get("detail").asText()).contains("at most 100");
        assertThat(fields(tooDeep)).containsExactly("signedPreKey");
        assertThat(fields(tooLarge)).containsExactly("preKeys[3]");
        assertThat(fields(wrongKind)).containsExactly("signedPreKey", "preKeys[0]");
        assertThat(fields(notAList)).containsExactly("preKeys");
        assertThat(guestSessionsOf(meeting)).isZero();
    }

    // --- the host's list of guests, and removing one -------------------------------------------------

    @Test
    void participants_see_the_meetings_guests_with_the_badge_and_only_owner_and_managers_their_email() throws Exception {
        String meeting = guestMeetingWithManagerBob(Instant.now().minus(Duration.ofMinutes(1)));
        String token = link(meeting, "alice");
        join(meeting, "alice");
        Map<String, Object> body = keys(token, "signed", List.of("pk"));
        body.put("displayName", "Charlie (Acme Corp)");
        body.put("email", "charlie@acme.example");
        JsonNode charlie = Json.of(registerRaw(body));
        Registered early = registered(token, "Never asked");

        JsonNode asOwner = Json.of(get("/api/meetings/" + meeting + "/guests", tokens.of("alice")));
        JsonNode asManager = Json.of(get("/api/meetings/" + meeting + "/guests", tokens.of("bob")));
        HttpResponse<String> asMember = get("/api/meetings/" + meeting + "/guests", tokens.of("carol"));

        assertThat(asOwner).hasSize(2);
        JsonNode first = asOwner.get(0);
        assertThat(first.get("sessionId").asText()).isEqualTo(charlie.get("sessionId").asText());
        assertThat(first.get("displayName").asText()).isEqualTo("Charlie (Acme Corp)");
        assertThat(first.get("email").asText()).isEqualTo("charlie@acme.example");
        assertThat(first.get("admission").asText()).isEqualTo("none");
        assertThat(first.get("inMeeting").asBoolean()).isFalse();
        assertThat(first.get("isGuest").asBoolean()).isTrue();
        assertThat(first.get("badge").asText()).isEqualTo("Guest");
        assertThat(Instant.parse(first.get("expiresAt").asText())).isEqualTo(Instant.parse(charlie.get("expiresAt").asText()));
        assertThat(asOwner.get(1).get("sessionId").asText()).isEqualTo(early.sessionId());
        assertThat(asManager.get(0).get("email").asText()).isEqualTo("charlie@acme.example");
        assertThat(asMember.statusCode()).isEqualTo(200);
        assertThat(Json.of(asMember)).hasSize(2);
        assertThat(Json.of(asMember).get(0).get("email").isNull()).isTrue();
        assertThat(asMember.body()).doesNotContain("charlie@acme.example");
        assertThat(get("/api/meetings/" + meeting + "/guests", tokens.of("dave")).statusCode()).isEqualTo(404);
        assertThat(get("/api/calls/" + meeting + "/guests", tokens.of("alice")).statusCode()).isEqualTo(404);

        // Charlie asks, is let in and enters the room
        Registered charlieGuest = new Registered(charlie.get("sessionId").asText(), charlie.get("credential").asText());
        assertThat(ask(charlieGuest).statusCode()).isEqualTo(202);
        assertThat(Json.of(get("/api/meetings/" + meeting + "/guests", tokens.of("carol"))).get(0).get("admission").asText())
                .isEqualTo("pending");
        assertThat(answer(meeting, charlieGuest, "alice", "admit").statusCode()).isEqualTo(200);
        assertThat(post("/api/meetings/external/session/" + charlieGuest.sessionId() + "/join", charlieGuest.credential(), null)
                .statusCode()).isEqualTo(200);
        JsonNode in = Json.of(get("/api/meetings/" + meeting + "/guests", tokens.of("carol"))).get(0);
        assertThat(in.get("admission").asText()).isEqualTo("admitted");
        assertThat(in.get("admittedBy").asText()).isEqualTo(ALICE);
        assertThat(in.get("inMeeting").asBoolean()).isTrue();
        assertThat(in.get("joinedAt").isNull()).isFalse();
    }

    @Test
    void an_owner_or_manager_removes_a_guest_its_credential_stops_and_its_socket_is_told_and_closed() throws Exception {
        String meeting = guestMeetingWithManagerBob(Instant.now().minus(Duration.ofMinutes(1)));
        String token = link(meeting, "alice");
        SocketClient aliceSocket = portalSocket("alice");
        join(meeting, "alice");
        Registered inside = registered(token, "Inside Ivan");
        Registered waiting = registered(token, "Waiting Wendy");
        assertThat(ask(inside).statusCode()).isEqualTo(202);
        assertThat(answer(meeting, inside, "alice", "admit").statusCode()).isEqualTo(200);
        assertThat(post("/api/meetings/external/session/" + inside.sessionId() + "/join", inside.credential(), null)
                .statusCode()).isEqualTo(200);
        SocketClient insideSocket = guestSocket(inside.credential());
        String removePath = "/api/meetings/" + meeting + "/guests/" + inside.sessionId();

        assertThat(send("DELETE", removePath, tokens.of("carol"), null).statusCode()).isEqualTo(403); // a member
        assertThat(send("DELETE", removePath, tokens.of("dave"), null).statusCode()).isEqualTo(404);  // an outsider
        assertThat(send("DELETE", removePath, inside.credential(), null).statusCode()).isEqualTo(401); // a guest
        HttpResponse<String> removed = send("DELETE", removePath, tokens.of("bob"), null);          // the manager

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        insideSocket.awaitEvent("external:removed", d -> d.path("reason").asText().equals("removed_by_host")
                && d.path("sessionId").asText().equals(inside.sessionId()));
        insideSocket.awaitType("disconnect");
        aliceSocket.awaitEvent("external:left", d -> d.path("sessionId").asText().equals(inside.sessionId()));
        assertThat(get("/api/meetings/external/session/" + inside.sessionId(), inside.credential()).statusCode()).isEqualTo(401);
        assertThat(send("DELETE", removePath, tokens.of("bob"), null).statusCode()).isEqualTo(404); // gone already
        assertThat(jdbc.sql("""
                select data->>'removedBy' from outbox_event where type = 'external.removed' and data->>'sessionId' = :s""")
                .param("s", inside.sessionId()).query(String.class).single()).isEqualTo(BOB);

        // the owner removes a guest who is waiting for an answer: the request goes with it
        assertThat(ask(waiting).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingNotifications("alice") == 1);
        assertThat(send("DELETE", "/api/meetings/" + meeting + "/guests/" + waiting.sessionId(), tokens.of("alice"), null)
                .statusCode()).isEqualTo(204);
        assertThat(waitingNotifications("alice")).isZero();
        assertThat(answer(meeting, waiting, "alice", "admit").statusCode()).isEqualTo(409);
        assertThat(Json.of(get("/api/meetings/" + meeting + "/guests", tokens.of("alice")))).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from act_ru_execution where business_key_ in (:s)""")
                .param("s", List.of(inside.sessionId(), waiting.sessionId())).query(Long.class).single() == 0);
    }

    @Test
    void a_calls_guests_are_listed_and_removed_through_the_call_wrappers() throws Exception {
        assertThat(post("/api/presence/heartbeat", tokens.of("bob"), null).statusCode()).isLessThan(300);
        HttpResponse<String> call = post("/api/calls/instant", tokens.of("alice"),
                Json.write(Map.of("participantIds", List.of(BOB), "callType", "video")));
        assertThat(call.statusCode()).as(call.body()).isEqualTo(201);
        String callId = Json.of(call).get("meetingId").asText();
        try {
            HttpResponse<String> generated = post("/api/calls/" + callId + "/generate-link", tokens.of("alice"), null);
            String token = Json.of(generated).get("invitationToken").asText();
            Registered guest = registered(token, "Caller's guest");

            JsonNode listed = Json.of(get("/api/calls/" + callId + "/guests", tokens.of("bob")));
            HttpResponse<String> link = get("/api/calls/" + callId + "/invitation-link", tokens.of("alice"));

            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("sessionId").asText()).isEqualTo(guest.sessionId());
            assertThat(link.statusCode()).isEqualTo(200);
            assertThat(Json.of(link).get("invitationToken").asText()).isEqualTo(token);
            assertThat(Json.of(link).get("validFrom").isNull()).isTrue(); // a call: valid while it lasts
            assertThat(send("DELETE", "/api/calls/" + callId + "/guests/" + guest.sessionId(), tokens.of("alice"), null)
                    .statusCode()).isEqualTo(204);
            assertThat(get("/api/meetings/external/session/" + guest.sessionId(), guest.credential()).statusCode())
                    .isEqualTo(401);
        } finally {
            post("/api/calls/" + callId + "/leave", tokens.of("alice"), null);
        }
    }

    // --- the invite dialog's current link ----------------------------------------------------------------

    @Test
    void the_invite_dialog_shows_the_current_link_to_those_who_may_make_links_and_a_new_link_replaces_it() throws Exception {
        Instant start = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        String meeting = guestMeetingWithManagerBob(start);
        String path = "/api/meetings/" + meeting + "/invitation-link";
        assertThat(get(path, tokens.of("alice")).statusCode()).isEqualTo(204); // no link yet

        String first = link(meeting, "alice");
        HttpResponse<String> shown = get(path, tokens.of("alice"));

        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        JsonNode view = Json.of(shown);
        assertThat(view.get("invitationToken").asText()).isEqualTo(first);
        assertThat(view.get("joinPath").asText()).isEqualTo("/api/meetings/external/join/" + first);
        assertThat(Instant.parse(view.get("validFrom").asText())).isEqualTo(start.minus(Duration.ofHours(1)));
        assertThat(Instant.parse(view.get("validUntil").asText())).isEqualTo(start.plus(Duration.ofHours(1)));
        assertThat(view.get("createdBy").asText()).isEqualTo(ALICE);
        assertThat(Duration.between(Instant.parse(view.get("createdAt").asText()), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(1));
        assertThat(Json.of(get(path, tokens.of("bob"))).get("invitationToken").asText()).isEqualTo(first); // manager
        assertThat(get(path, tokens.of("carol")).statusCode()).isEqualTo(403); // a member without can_invite
        assertThat(get(path, tokens.of("dave")).statusCode()).isEqualTo(404);  // an outsider
        assertThat(get("/api/calls/" + meeting + "/invitation-link", tokens.of("alice")).statusCode()).isEqualTo(404);

        String second = link(meeting, "bob");

        assertThat(Json.of(get(path, tokens.of("alice"))).get("invitationToken").asText()).isEqualTo(second);
        assertThat(landing(first, newAddress()).statusCode()).isEqualTo(404);
        assertThat(invitationLinks.currentToken(new MeetingId(meeting), actor(ALICE, "alice"))).hasValue(second);
        assertThat(invitationLinks.currentToken(new MeetingId(meeting), actor(CAROL, "carol"))).isEmpty();
        assertThat(invitationLinks.currentToken(new MeetingId(meeting), actor(DAVE, "dave"))).isEmpty();

        // at rest: a hash and a sealed token, never the token; nor in the outbox
        String row = jdbc.sql("select t::text from guest_link t where meeting_id = :m").param("m", meeting)
                .query(String.class).single();
        byte[] sealed = jdbc.sql("select token_sealed from guest_link where meeting_id = :m").param("m", meeting)
                .query(byte[].class).single();
        assertThat(row).doesNotContain(second).doesNotContain(hex(second));
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(second);
        assertThat(jdbc.sql("select count(*) from outbox_event where data::text like :t").param("t", "%" + second + "%")
                .query(Long.class).single()).isZero();

        // a sealed token moved to another meeting's row does not open there
        String other = guestMeetingWithManagerBob(start);
        link(other, "alice");
        jdbc.sql("update guest_link set token_sealed = :sealed where meeting_id = :m").param("sealed", sealed)
                .param("m", other).update();
        assertThat(get("/api/meetings/" + other + "/invitation-link", tokens.of("alice")).statusCode()).isEqualTo(204);
    }

    @Test
    void no_link_is_shown_for_a_meeting_that_was_cancelled() throws Exception {
        String meeting = guestMeeting(Instant.now().plus(Duration.ofMinutes(30)));
        link(meeting, "alice");
        assertThat(post("/api/meetings/" + meeting + "/cancel", tokens.of("alice"), null).statusCode()).isEqualTo(200);

        assertThat(get("/api/meetings/" + meeting + "/invitation-link", tokens.of("alice")).statusCode()).isEqualTo(204);
        assertThat(invitationLinks.currentToken(new MeetingId(meeting), actor(ALICE, "alice"))).isEmpty();
    }

    // --- helpers ------------------------------------------------------------------------------------

    private String guestMeetingWithManagerBob(Instant start) throws Exception {
        String meeting = guestMeeting(start);
        HttpResponse<String> role = post("/api/meetings/" + meeting + "/roles", tokens.of("alice"),
                Json.write(Map.of("userId", BOB, "roleId", "manager")));
        assertThat(role.statusCode()).as(role.body()).isEqualTo(200);
        return meeting;
    }

    private HttpResponse<String> registerRaw(Map<String, Object> body) throws Exception {
        return http.send(HttpRequest.newBuilder(api("/api/meetings/external/register"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", newAddress())
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> keys(String token, Object signedPreKey, Object preKeys) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("invitationToken", token);
        body.put("displayName", "Keys");
        body.put("identityKeyPublic", base64(33, 3));
        body.put("signedPreKey", signedPreKey);
        body.put("preKeys", preKeys);
        return body;
    }

    private static List<String> fields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return Json.of(response).get("errors").findValuesAsText("field");
    }

    private long guestSessionsOf(String meeting) {
        return jdbc.sql("select count(*) from guest_session where meeting_id = :m").param("m", meeting)
                .query(Long.class).single();
    }

    private long waitingNotifications(String user) throws Exception {
        return Json.of(get("/api/notifications", tokens.of(user))).findValuesAsText("type").stream()
                .filter("meeting.guest_waiting"::equals).count();
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

    private static Actor actor(String id, String username) {
        return new Actor(id, username, null, null, Set.of());
    }

    /** {@code length} bytes of {@code seed}, base64: a stand-in for a public key or a signature. */
    private static String base64(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static JsonNode tree(Object value) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(value);
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
