package io.convene.app.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.support.Json;
import java.time.Duration;
import java.util.Date;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/** Instant calls end to end over REST on the real stack. */
class InstantCallIntegrationTest extends CallFixtures {

    @Test
    void a_one_to_one_call_rings_accepts_joins_and_leaves_a_call_log_after_the_last_leave() throws Exception {
        online("alice", "bob");
        JsonNode call = call("alice", List.of(BOB));
        String id = call.get("meetingId").asText();
        assertThat(id).startsWith("call_");
        assertThat(call.get("ringing").get(0).asText()).isEqualTo(BOB);
        assertThat(notices(id, BOB, "call.incoming")).hasSize(1);

        assertThat(act("bob", "accept", id).statusCode()).isEqualTo(200);
        JsonNode join = Json.of(send("POST", "/api/calls/" + id + "/join", tokens.of("bob"), null));
        assertThat(join.get("token").asText()).isNotBlank();
        assertThat(join.at("/jitsi_config/domain").asText()).isEqualTo("meet.test.local");
        send("POST", "/api/calls/" + id + "/leave", tokens.of("bob"), null);
        send("POST", "/api/calls/" + id + "/leave", tokens.of("alice"), null);

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/calls/" + id, tokens.of("alice")).statusCode() == 404);
        JsonNode log = Json.of(get("/api/calls/" + id + "/log", tokens.of("bob")));
        assertThat(log.get("participants").findValuesAsText("user_id")).containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(log.get("participants").findValuesAsText("device_info")).anySatisfy(d -> assertThat(d).contains("Java-http-client"));
        assertThat(processInstances(id)).isZero();
        assertThat(events(id, "call.started")).isEqualTo(1);
        assertThat(events(id, "call.ringing")).isEqualTo(1);
        assertThat(events(id, "call.accepted")).isEqualTo(1);
        assertThat(events(id, "call.ended")).isEqualTo(1);
        assertThat(get("/api/calls/" + id + "/log", tokens.of("dave")).statusCode()).isEqualTo(404);
    }

    @Test
    void a_group_call_rings_everyone_online_and_a_mid_call_invite_keeps_the_call_id() throws Exception {
        online("alice", "bob", "carol", "dave");
        String id = callId("alice", List.of(BOB, CAROL));
        assertThat(events(id, "call.ringing")).isEqualTo(2);
        act("bob", "accept", id);
        send("POST", "/api/calls/" + id + "/join", tokens.of("bob"), null);

        var invited = send("POST", "/api/calls/" + id + "/invite", tokens.of("bob"), Json.write(Map.of("participantIds", List.of(DAVE))));

        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(200);
        assertThat(Json.of(invited).get("meetingId").asText()).isEqualTo(id);
        assertThat(notices(id, DAVE, "call.incoming")).hasSize(1);
        assertThat(Json.of(get("/api/calls/" + id + "/participants", tokens.of("dave"))).findValuesAsText("userId"))
                .containsExactlyInAnyOrder(ALICE, BOB, CAROL, DAVE);
    }

    @Test
    void an_offline_member_of_a_group_call_is_not_rung_and_gets_nothing_and_the_caller_is_told() throws Exception {
        online("alice", "bob");
        offline(CAROL);

        JsonNode call = call("alice", List.of(BOB, CAROL));
        String id = call.get("meetingId").asText();

        assertThat(texts(call.get("ringing"))).containsExactly(BOB);
        assertThat(texts(call.get("unreachable"))).containsExactly(CAROL);
        assertThat(notifications.forMeeting(id)).as("seed 002 scenario 3: Dave receives NO notification")
                .noneMatch(n -> n.userId().equals(CAROL));
        assertThat(notices(id, ALICE, "call.unreachable." + CAROL)).hasSize(1);
        assertThat(events(id, "call.ringing")).isEqualTo(1);

        send("DELETE", "/api/calls/" + id, tokens.of("alice"), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> processInstances(id) == 0);
        assertThat(notifications.forMeeting(id)).noneMatch(n -> n.userId().equals(CAROL));
        assertThat(notices(id, ALICE, "call.unreachable." + CAROL)).as("the caller's notice outlives the call").hasSize(1);
        assertThat(notices(id, BOB, "call.incoming")).as("a ringing phone does not").isEmpty();
    }

    @Test
    void a_ring_that_times_out_tells_the_caller_once_and_the_callee_once() throws Exception {
        online("alice", "bob");
        String id = callId("alice", List.of(BOB));

        ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plusSeconds(31)));

        await().atMost(Duration.ofSeconds(30)).until(() -> notices(id, BOB, "call.missed").size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                notices(id, ALICE, "call.no_answer." + BOB).size() == 1 && notices(id, BOB, "call.missed").size() == 1);
        assertThat(events(id, "call.missed")).isEqualTo(1);
        // no ring any more (409), or already gone with the call nobody answered (404)
        assertThat(act("bob", "accept", id).statusCode()).as("too late to accept").isIn(404, 409);
    }

    @Test
    void the_caller_hanging_up_before_anyone_answers_stops_the_rings() throws Exception {
        online("alice", "bob", "carol");
        String id = callId("alice", List.of(BOB, CAROL));

        assertThat(send("DELETE", "/api/calls/" + id, tokens.of("alice"), null).statusCode()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> processInstances(id) == 0);
        assertThat(jobs(id)).isZero();
        assertThat(notices(id, BOB, "call.missed")).isEmpty();
        assertThat(act("bob", "accept", id).statusCode()).isEqualTo(404);
    }

    @Test
    void bad_input_names_the_field_and_outsiders_get_404() throws Exception {
        online("alice", "bob");
        String alice = tokens.of("alice");
        assertField(post("/api/calls/instant", alice, Json.write(Map.of("participantIds", List.of()))), "participantIds");
        assertField(post("/api/calls/instant", alice, Json.write(Map.of("participantIds", List.of("00000000-0000-4000-8000-0000000000aa")))),
                "participantIds[0]");
        assertField(post("/api/calls/instant", alice, Json.write(Map.of("participantIds", List.of(ALICE)))), "participantIds");
        assertField(post("/api/calls/instant", alice, Json.write(Map.of("participantIds", List.of(BOB), "callType", "hologram"))), "callType");
        String id = callId("alice", List.of(BOB));

        assertThat(get("/api/calls/" + id, tokens.of("dave")).statusCode()).isEqualTo(404);
        assertThat(act("dave", "accept", id).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/calls/" + id + "/invite", tokens.of("dave"), Json.write(Map.of("participantIds", List.of(CAROL)))).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/calls/" + id, tokens.of("dave"), null).statusCode()).isEqualTo(404);
        // a call's answer is not edited through the meetings API (that would skip its ringing) …
        assertThat(send("PATCH", "/api/meetings/" + id + "/participants/" + BOB, tokens.of("bob"),
                Json.write(Map.of("status", "declined"))).statusCode()).isEqualTo(404);
        // … but seed 002's inviteDuringCall goes through it: the call's rules ring her (if she is online)
        HttpResponse<String> added = send("POST", "/api/meetings/" + id + "/invite-live", alice,
                Json.write(Map.of("userIds", List.of(CAROL))));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(Json.of(added).get("participants").findValuesAsText("userId")).contains(CAROL);
        assertThat(Json.of(added).get("isInstantCall").asBoolean()).isTrue();
    }

    @Test
    void a_thread_call_of_seed_001_joins_members_only_and_only_the_initiator_ends_it() throws Exception {
        online("alice", "bob");
        TestPortal.thread("thread-7", ALICE, BOB);
        var started = post("/api/calls/start", tokens.of("alice"),
                Json.write(Map.of("thread_id", "thread-7", "call_type", "audio", "member_ids", List.of(BOB))));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String id = Json.of(started).get("call_id").asText();
        assertThat(Json.of(started).get("room_name").asText()).startsWith("call-");

        assertThat(send("POST", "/api/calls/" + id + "/join", tokens.of("dave"), null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/calls/" + id + "/join", tokens.of("bob"), null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/calls/" + id + "/end", tokens.of("bob"), null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/calls/" + id + "/end", tokens.of("alice"), null).statusCode()).isEqualTo(200);
        var logResponse = get("/api/calls/" + id + "/log", tokens.of("bob"));
        assertThat(logResponse.statusCode()).as(logResponse.body()).isEqualTo(200);
        JsonNode log = Json.of(logResponse);
        assertThat(log.get("call_type").asText()).isEqualTo("audio");
        assertThat(log.get("participants")).hasSize(2);
    }

    @Test
    void presence_shows_online_and_offline_users() throws Exception {
        offline(BOB); // no socket or heartbeat of an earlier test: only this heartbeat counts
        online("bob");
        offline(CAROL);

        JsonNode presence = Json.of(get("/api/presence/users?ids=" + BOB + "," + CAROL, tokens.of("alice")));

        assertThat(presence.get(0).get("status").asText()).isEqualTo("online");
        assertThat(presence.get(1).get("status").asText()).isEqualTo("offline");
        ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plusSeconds(91)));
        assertThat(Json.of(get("/api/presence/users?ids=" + BOB, tokens.of("alice"))).get(0).get("status").asText())
                .as("a heartbeat older than the 90 s window").isEqualTo("offline");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static void assertField(java.net.http.HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Json.of(response).get("errors").findValuesAsText("field")).contains(field);
    }
}
