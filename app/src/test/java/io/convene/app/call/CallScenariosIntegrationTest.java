package io.convene.app.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.support.Json;
import io.convene.processes.call.InstantCallProcess;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Seed 002's call wrappers and scenario 2 over REST on the real stack. */
class CallScenariosIntegrationTest extends CallFixtures {

    @Autowired
    RuntimeService runtime;

    @Test
    void the_call_wrappers_answer_the_meeting_object_with_the_call_type() throws Exception {
        online("alice", "bob");

        JsonNode call = call("alice", List.of(BOB));
        String id = call.get("meetingId").asText();

        assertThat(call.has("callId")).as("seed 002's shape, not seed 001's").isFalse();
        assertThat(call.get("isInstantCall").asBoolean()).isTrue();
        assertThat(call.get("status").asText()).isEqualTo("in_progress");
        assertThat(call.get("provider").asText()).isEqualTo("JITSI");
        assertThat(call.get("callType").asText()).isEqualTo("video");
        assertThat(call.get("createdBy").asText()).isEqualTo(ALICE);
        assertThat(call.get("participants").findValuesAsText("userId")).containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(texts(call.get("ringing"))).containsExactly(BOB);
        JsonNode got = Json.of(get("/api/calls/" + id, tokens.of("bob")));
        assertThat(got.get("meetingId").asText()).isEqualTo(id);
        assertThat(got.get("isInstantCall").asBoolean()).isTrue();
        assertThat(got.get("callType").asText()).isEqualTo("video");
        JsonNode accepted = Json.of(act("bob", "accept", id));
        assertThat(accepted.get("meetingId").asText()).isEqualTo(id);
        assertThat(accepted.get("participants").findValuesAsText("status")).contains("accepted");
        send("DELETE", "/api/calls/" + id, tokens.of("alice"), null);
    }

    @Test
    void seed_002s_create_instant_call_body_is_taken_as_its_client_sends_it() throws Exception {
        online("alice", "bob");
        // InstantCallService.createInstantCall → createMeeting(...): Dart's DateTime.now().toIso8601String() has no offset
        String now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).toString();
        String inFourHours = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusHours(4).toString();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("title", "Call");
        body.put("startTime", now);
        body.put("endTime", inFourHours);
        body.put("participantUserIds", List.of(BOB));
        body.put("isInstantCall", true);
        body.put("sourceChannelId", null);
        body.put("sourceUserId", BOB);

        HttpResponse<String> response = post("/api/calls/instant", tokens.of("alice"), Json.write(body));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode call = Json.of(response);
        assertThat(call.get("meetingId").asText()).startsWith("call_");
        assertThat(call.get("title").asText()).isEqualTo("Call");
        assertThat(call.get("isInstantCall").asBoolean()).isTrue();
        assertThat(texts(call.get("ringing"))).containsExactly(BOB);
        assertThat(call.get("callType").asText()).as("seed 002: video call only").isEqualTo("video");
        send("DELETE", "/api/calls/" + call.get("meetingId").asText(), tokens.of("alice"), null);
    }

    @Test
    void the_seeds_fields_on_an_instant_call_are_checked() throws Exception {
        online("alice", "bob");
        String alice = tokens.of("alice");

        HttpResponse<String> notInstant = post("/api/calls/instant", alice,
                Json.write(Map.of("participantUserIds", List.of(BOB), "isInstantCall", false)));
        HttpResponse<String> badTime = post("/api/calls/instant", alice,
                Json.write(Map.of("participantUserIds", List.of(BOB), "startTime", "tomorrow")));
        HttpResponse<String> backwards = post("/api/calls/instant", alice, Json.write(Map.of("participantIds", List.of(BOB),
                "startTime", "2030-05-17T13:00:00Z", "endTime", "2030-05-17T09:00:00+00:00")));
        HttpResponse<String> longTitle = post("/api/calls/instant", alice,
                Json.write(Map.of("participantIds", List.of(BOB), "title", "x".repeat(201))));

        assertThat(fieldsOf(notInstant)).containsExactly("isInstantCall");
        assertThat(fieldsOf(badTime)).containsExactly("startTime");
        assertThat(fieldsOf(backwards)).containsExactly("endTime");
        assertThat(fieldsOf(longTitle)).containsExactly("title");
    }

    @Test
    void an_audio_call_says_so_and_is_voice_only() throws Exception {
        online("alice", "bob");

        HttpResponse<String> response = post("/api/calls/instant", tokens.of("alice"),
                Json.write(Map.of("participantIds", List.of(BOB), "callType", "audio")));

        JsonNode call = Json.of(response);
        assertThat(call.get("callType").asText()).isEqualTo("audio");
        assertThat(call.get("voiceOnly").asBoolean()).isTrue();
        send("DELETE", "/api/calls/" + call.get("meetingId").asText(), tokens.of("alice"), null);
    }

    @Test
    void scenario_2_a_call_to_bob_who_is_offline_is_refused_leaves_no_call_and_tells_bob_alice_tried() throws Exception {
        online("alice");
        offline(BOB);
        Instant before = ClockUtil.now().toInstant();
        List<String> earlier = noticeIds(List.of(ALICE, BOB));

        HttpResponse<String> refused = post("/api/calls/instant", tokens.of("alice"),
                Json.write(Map.of("participantIds", List.of(BOB))));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Json.of(refused);
        assertThat(problem.get("error").asText()).isEqualTo("not_reachable");
        assertThat(problem.get("type").asText()).isEqualTo("urn:convene:problem:not-reachable");
        assertThat(problem.get("title").asText()).isEqualTo("Not reachable");
        assertThat(problem.get("detail").asText()).contains("Bob").contains("not reachable");
        assertThat(problem.get("unreachable").get(0).asText()).isEqualTo(BOB);
        assertThat(callsPlacedSince(ALICE, before)).as("no call row, no call.started, no instant-call process").isZero();
        JsonNode attempt = attempt("bob", earlier);
        assertThat(attempt).as("Bob: \"Alice tried to call you\"").isNotNull();
        assertThat(attempt.get("title").asText()).isEqualTo("Alice Anders tried to call you");
        assertThat(attempt.get("meetingId").isNull()).as("a call that never was").isTrue();
        assertThat(attempt.at("/data/callerId").asText()).isEqualTo(ALICE);
        assertThat(attempt.at("/data/callerName").asText()).isEqualTo("Alice Anders");
        assertThat(attempt.at("/data/callType").asText()).isEqualTo("video");
        assertThat(newNotices(List.of(ALICE, BOB), earlier)).as("one notice, Bob's: the caller is told by the 409")
                .containsExactly(BOB + " call.attempt");
    }

    @Test
    void scenario_3_a_group_call_of_which_nobody_is_online_is_refused_and_nobody_is_told() throws Exception {
        online("alice");
        offline(BOB, CAROL);
        Instant before = ClockUtil.now().toInstant();
        List<String> earlier = noticeIds(List.of(ALICE, BOB, CAROL));

        HttpResponse<String> refused = post("/api/calls/instant", tokens.of("alice"),
                Json.write(Map.of("participantIds", List.of(BOB, CAROL))));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(Json.of(refused).get("error").asText()).isEqualTo("not_reachable");
        assertThat(texts(Json.of(refused).get("unreachable"))).containsExactly(BOB, CAROL);
        assertThat(callsPlacedSince(ALICE, before)).isZero();
        assertThat(newNotices(List.of(ALICE, BOB, CAROL), earlier)).isEmpty();
    }

    @Test
    void scenario_2_bob_declines_and_the_call_alice_is_left_alone_in_ends_and_is_cleaned_up() throws Exception {
        online("alice", "bob");
        String id = callId("alice", List.of(BOB));

        assertThat(act("bob", "decline", id).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> cleanedUp(id));
        assertThat(get("/api/calls/" + id, tokens.of("alice")).statusCode()).isEqualTo(404);
        assertThat(notices(id, ALICE, "call.declined." + BOB)).hasSize(1);
        assertThat(events(id, "call.ended")).isEqualTo(1);
        assertThat(endReason(id)).isEqualTo("nobody answered");
        JsonNode log = Json.of(get("/api/calls/" + id + "/log", tokens.of("alice")));
        assertThat(log.get("status").asText()).as("seed 001's word for an ended call").isEqualTo("completed");
        assertThat(jobs(id)).isZero();
    }

    @Test
    void scenario_2_bob_does_not_answer_within_30_seconds_and_the_call_ends_and_is_cleaned_up() throws Exception {
        online("alice", "bob");
        String id = callId("alice", List.of(BOB));

        ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plusSeconds(31)));

        await().atMost(Duration.ofSeconds(30)).until(() -> cleanedUp(id));
        assertThat(notices(id, ALICE, "call.no_answer." + BOB)).hasSize(1);
        assertThat(notices(id, BOB, "call.missed")).hasSize(1);
        assertThat(endReason(id)).isEqualTo("nobody answered");
    }

    @Test
    void a_group_call_goes_on_when_one_declines_and_another_accepts() throws Exception {
        online("alice", "bob", "carol");
        String id = callId("alice", List.of(BOB, CAROL));

        act("bob", "decline", id);
        act("carol", "accept", id);

        await().atMost(Duration.ofSeconds(30)).until(() -> waitingInTheCall(id));
        assertThat(Json.of(get("/api/calls/" + id, tokens.of("alice"))).get("status").asText()).isEqualTo("in_progress");
        assertThat(events(id, "call.ended")).isZero();
        send("DELETE", "/api/calls/" + id, tokens.of("alice"), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> cleanedUp(id));
    }

    @Test
    void notify_rings_again_who_has_not_answered_and_is_online_and_never_twice_at_once() throws Exception {
        online("alice", "bob", "carol");
        offline(DAVE);
        String id = callId("alice", List.of(BOB, CAROL, DAVE));
        act("bob", "accept", id);
        send("POST", "/api/calls/" + id + "/join", tokens.of("bob"), null);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plusSeconds(31)));
        await().atMost(Duration.ofSeconds(30)).until(() -> notices(id, CAROL, "call.missed").size() == 1
                && waitingInTheCall(id));
        online("carol");

        HttpResponse<String> notified = post("/api/calls/notify", tokens.of("alice"), Json.write(Map.of("meetingId", id)));

        assertThat(notified.statusCode()).as(notified.body()).isEqualTo(200);
        JsonNode call = Json.of(notified);
        assertThat(call.get("meetingId").asText()).isEqualTo(id);
        assertThat(texts(call.get("ringing"))).containsExactly(CAROL);
        assertThat(texts(call.get("unreachable"))).containsExactly(DAVE);
        assertThat(notifications.active(CAROL, ClockUtil.now().toInstant(), 50))
                .anySatisfy(n -> assertThat(n.type() + " " + n.meetingId()).isEqualTo("call.incoming " + id));
        assertThat(events(id, "call.ringing")).isEqualTo(3); // bob and carol at first, carol again
        JsonNode again = Json.of(post("/api/calls/notify", tokens.of("alice"), Json.write(Map.of("meetingId", id))));
        assertThat(texts(again.get("ringing"))).as("carol's phone still rings").isEmpty();
        assertThat(act("carol", "accept", id).statusCode()).isEqualTo(200);
        assertThat(post("/api/calls/notify", tokens.of("dave"), Json.write(Map.of("meetingId", id))).statusCode())
                .as("someone not in the call").isEqualTo(403);
        send("DELETE", "/api/calls/" + id, tokens.of("alice"), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> cleanedUp(id));
    }

    @Test
    void notify_names_an_unknown_call_or_user_as_the_problem() throws Exception {
        online("alice", "bob");
        String id = callId("alice", List.of(BOB));

        HttpResponse<String> stranger = post("/api/calls/notify", tokens.of("alice"),
                Json.write(Map.of("meetingId", id, "userIds", List.of(DAVE))));
        HttpResponse<String> badId = post("/api/calls/notify", tokens.of("alice"), Json.write(Map.of("meetingId", "x")));

        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(Json.of(stranger).get("errors").findValuesAsText("field")).containsExactly("userIds[0]");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(post("/api/calls/notify", tokens.of("carol"), Json.write(Map.of("meetingId", id))).statusCode())
                .isEqualTo(404);
        send("DELETE", "/api/calls/" + id, tokens.of("alice"), null);
    }

    /** The ids of the users' notifications now (shown or not). */
    private List<String> noticeIds(List<String> users) {
        return jdbc.sql("select id::text from notification where user_id in (:u)").param("u", users)
                .query(String.class).list();
    }

    /** "user type" of the users' notifications written since {@code earlier} was read. */
    private List<String> newNotices(List<String> users, List<String> earlier) {
        return jdbc.sql("select id::text, user_id, type from notification where user_id in (:u)").param("u", users)
                .query((rs, n) -> earlier.contains(rs.getString(1)) ? null : rs.getString(2) + " " + rs.getString(3))
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The user's "… tried to call you" notice written since {@code earlier} was read, as {@code GET /api/notifications} lists it. */
    private JsonNode attempt(String user, List<String> earlier) throws Exception {
        for (JsonNode notice : Json.of(get("/api/notifications", tokens.of(user)))) {
            if (notice.get("type").asText().equals("call.attempt") && !earlier.contains(notice.get("id").asText())) {
                return notice;
            }
        }
        return null;
    }

    private boolean waitingInTheCall(String callId) {
        return runtime.createExecutionQuery().processDefinitionKey(InstantCallProcess.KEY)
                .processInstanceBusinessKey(callId).activityId(InstantCallProcess.Elements.IN_CALL).count() == 1;
    }

    private String endReason(String callId) {
        return jdbc.sql("select data->>'reason' from outbox_event where subject = :c and type = 'call.ended'")
                .param("c", callId).query(String.class).single();
    }

    private static List<String> fieldsOf(HttpResponse<String> problem) {
        assertThat(problem.statusCode()).as(problem.body()).isEqualTo(400);
        assertThat(Json.of(problem).get("error").asText()).isEqualTo("invalid_request");
        return Json.of(problem).get("errors").findValuesAsText("field");
    }

    private static List<String> texts(JsonNode array) {
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
