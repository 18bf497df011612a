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
    void scenario_2_a_call_to_bob_who_is_offline_is_refused_and_leaves_no_call_behind() throws Exception {
        online("alice");
        offline(BOB);
        Instant before = ClockUtil.now().toInstant();

        HttpResponse<String> refused = post("/api/calls/instant", tokens.of("alice"),
                Json.write(Map.of("participantIds", List.of(BOB))));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Json.of(refused);
        assertThat(problem.get("type").asText()).isEqualTo("urn:convene:problem:not-reachable");
        assertThat(problem.get("title").asText()).isEqualTo("Not reachable");
        assertThat(problem.get("detail").asText()).contains("Bob").contains("not reachable");
        assertThat(problem.get("unreachable").get(0).asText()).isEqualTo(BOB);
        assertThat(callsPlacedSince(ALICE, before)).as("no call row, no call.started, no instant-call process").isZero();
        assertThat(jdbc.sql("""
                select count(*) from notification where user_id in (:u)
                and meeting_id not in (select id from meeting) and meeting_id not in (select meeting_id from meeting_summary)""")
                .param("u", List.of(ALICE, BOB)).query(Long.class).single())
                .as("no notice about a call that never was").isZero();
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

    private boolean waitingInTheCall(String callId) {
        return runtime.createExecutionQuery().processDefinitionKey(InstantCallProcess.KEY)
                .processInstanceBusinessKey(callId).activityId(InstantCallProcess.Elements.IN_CALL).count() == 1;
    }

    private String endReason(String callId) {
        return jdbc.sql("select data->>'reason' from outbox_event where subject = :c and type = 'call.ended'")
                .param("c", callId).query(String.class).single();
    }

    private static List<String> texts(JsonNode array) {
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
