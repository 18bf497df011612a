package io.convene.app.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.support.Json;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * Seed 001's thread calls over REST, with the portal asked who is in a thread (the tests'
 * portal is WireMock, see {@link TestPortal}).
 */
class ThreadCallIntegrationTest extends CallFixtures {

    @Test
    void a_thread_call_speaks_seed_001s_snake_case_in_and_out_and_is_audio_unless_said_otherwise() throws Exception {
        online("alice", "bob");
        String thread = thread(ALICE, BOB);

        HttpResponse<String> started = post("/api/calls/start", tokens.of("alice"),
                Json.write(Map.of("thread_id", thread, "member_ids", List.of(BOB))));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode call = Json.of(started);
        assertThat(fields(call)).containsExactlyInAnyOrder("call_id", "room_name", "join_url", "call_type", "ringing",
                "unreachable");
        String id = call.get("call_id").asText();
        String room = call.get("room_name").asText();
        assertThat(id).startsWith("call_");
        assertThat(room).startsWith("call-");
        assertThat(call.get("join_url").asText()).isEqualTo("https://meet.test.local/" + room);
        assertThat(call.get("call_type").asText()).isEqualTo("audio");
        assertThat(texts(call.get("ringing"))).containsExactly(BOB);
        JsonNode meeting = Json.of(get("/api/calls/" + id, tokens.of("bob")));
        assertThat(meeting.get("callType").asText()).as("seed 002's Meeting object stays camelCase").isEqualTo("audio");
        assertThat(meeting.get("threadId").asText()).isEqualTo(thread);
        assertThat(meeting.get("voiceOnly").asBoolean()).isTrue();
        JsonNode join = Json.of(send("POST", "/api/calls/" + id + "/join", tokens.of("bob"), null));
        assertThat(fields(join)).containsExactlyInAnyOrder("token", "jitsi_config", "join_url");
        assertThat(join.get("token").asText()).isNotBlank();
        // an audio call's room opens audio only (the join follows the call's voiceOnly: docs/meetings.md)
        assertThat(join.get("join_url").asText()).isEqualTo("https://meet.test.local/" + room
                + "#config.startAudioOnly=true&config.startWithVideoMuted=true");
        assertThat(join.at("/jitsi_config/room").asText()).isEqualTo(room);
        assertThat(join.at("/jitsi_config/domain").asText()).isEqualTo("meet.test.local");
        JsonNode ended = Json.of(send("POST", "/api/calls/" + id + "/end", tokens.of("alice"), null));
        assertThat(ended.get("ok").asBoolean()).isTrue();
        assertThat(ended.get("call_id").asText()).isEqualTo(id);
        assertThat(ended.get("status").asText()).isEqualTo("completed");
        assertThat(ended.has("ended_at") && ended.has("duration_seconds")).as(ended.toString()).isTrue();
    }

    @Test
    void the_camel_case_names_are_taken_too_and_call_type_video_makes_a_video_call() throws Exception {
        online("alice", "bob");
        String thread = thread(ALICE, BOB);

        HttpResponse<String> started = post("/api/calls/start", tokens.of("alice"),
                Json.write(Map.of("threadId", thread, "memberIds", List.of(BOB), "call_type", "video")));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(Json.of(started).get("call_type").asText()).isEqualTo("video");
        end(Json.of(started).get("call_id").asText());
    }

    @Test
    void the_call_log_is_seed_001s_call_logs_record_ringing_then_in_progress_then_completed() throws Exception {
        online("alice", "bob", "carol");
        String thread = thread(ALICE, BOB, CAROL);
        String id = Json.of(post("/api/calls/start", tokens.of("alice"),
                Json.write(Map.of("thread_id", thread, "call_type", "video", "member_ids", List.of(BOB, CAROL)))))
                .get("call_id").asText();
        JsonNode ringing = Json.of(get("/api/calls/" + id + "/log", tokens.of("alice")));
        assertThat(ringing.get("status").asText()).as("nobody answered yet").isEqualTo("ringing");

        send("POST", "/api/calls/" + id + "/join", tokens.of("bob"), null);
        JsonNode inProgress = Json.of(get("/api/calls/" + id + "/log", tokens.of("bob")));
        send("POST", "/api/calls/" + id + "/end", tokens.of("alice"), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> cleanedUp(id));
        HttpResponse<String> afterCleanup = get("/api/calls/" + id + "/log", tokens.of("bob"));

        assertThat(inProgress.get("status").asText()).isEqualTo("in_progress");
        assertThat(afterCleanup.statusCode()).as(afterCleanup.body()).isEqualTo(200);
        for (JsonNode log : List.of(inProgress, Json.of(afterCleanup))) {
            assertThat(fields(log)).contains("id", "room_name", "thread_id", "initiator_id", "call_type", "status",
                    "started_at", "ended_at", "participants", "call_id", "duration_seconds", "invitees");
            assertThat(log.get("id").asText()).isEqualTo(id);
            assertThat(log.get("room_name").asText()).startsWith("call-");
            assertThat(log.get("thread_id").asText()).isEqualTo(thread);
            assertThat(log.get("initiator_id").asText()).isEqualTo(ALICE);
            assertThat(log.get("call_type").asText()).isEqualTo("video");
            assertThat(log.get("started_at").asText()).endsWith("Z");
            assertThat(log.get("participants").findValuesAsText("user_id")).containsExactlyInAnyOrder(ALICE, BOB);
            assertThat(log.get("participants").findValuesAsText("role")).containsOnly("participant");
            assertThat(fields(log.get("participants").get(0))).contains("user_id", "joined_at", "left_at", "role",
                    "device_info", "display_name", "duration_seconds");
            assertThat(log.get("invitees").findValuesAsText("user_id")).as("rung, never joined").containsExactly(CAROL);
        }
        JsonNode completed = Json.of(afterCleanup);
        assertThat(completed.get("status").asText()).isEqualTo("completed");
        assertThat(completed.get("ended_at").asText()).endsWith("Z");
        assertThat(completed.get("participants").findValuesAsText("device_info"))
                .anySatisfy(device -> assertThat(device).contains("Java-http-client"));
        assertThat(completed.get("participants").findValuesAsText("left_at")).doesNotContain("null");
    }

    @Test
    void without_member_ids_every_other_member_of_the_thread_is_rung() throws Exception {
        online("alice", "bob", "carol");
        String thread = thread(ALICE, BOB, CAROL);

        JsonNode call = Json.of(post("/api/calls/start", tokens.of("alice"), Json.write(Map.of("thread_id", thread))));

        assertThat(texts(call.get("ringing"))).containsExactlyInAnyOrder(BOB, CAROL);
        end(call.get("call_id").asText());
    }

    @Test
    void someone_not_in_the_thread_cannot_start_a_call_in_it() throws Exception {
        online("dave", "bob");
        String thread = thread(ALICE, BOB);
        Instant before = ClockUtil.now().toInstant();

        HttpResponse<String> refused = post("/api/calls/start", tokens.of("dave"),
                Json.write(Map.of("threadId", thread, "memberIds", List.of(BOB))));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(Json.of(refused).get("detail").asText()).contains("not a member of thread " + thread);
        assertThat(callsPlacedSince(DAVE, before)).isZero();
    }

    @Test
    void a_named_member_who_is_not_in_the_thread_is_a_bad_request() throws Exception {
        online("alice", "bob", "dave");
        String thread = thread(ALICE, BOB);

        HttpResponse<String> refused = post("/api/calls/start", tokens.of("alice"),
                Json.write(Map.of("threadId", thread, "memberIds", List.of(BOB, DAVE))));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Json.of(refused).get("errors").findValuesAsText("field")).containsExactly("memberIds[1]");
    }

    @Test
    void a_member_of_the_thread_the_call_did_not_ring_joins_and_an_outsider_gets_403() throws Exception {
        online("alice", "bob");
        String thread = thread(ALICE, BOB, CAROL);
        String id = Json.of(post("/api/calls/start", tokens.of("alice"),
                Json.write(Map.of("thread_id", thread, "member_ids", List.of(BOB))))).get("call_id").asText();

        HttpResponse<String> carol = send("POST", "/api/calls/" + id + "/join", tokens.of("carol"), null);
        HttpResponse<String> dave = send("POST", "/api/calls/" + id + "/join", tokens.of("dave"), null);

        assertThat(carol.statusCode()).as(carol.body()).isEqualTo(200);
        assertThat(Json.of(carol).get("token").asText()).isNotBlank();
        assertThat(dave.statusCode()).isEqualTo(403);
        assertThat(Json.of(dave).get("error").asText()).isEqualTo("forbidden");
        JsonNode participants = Json.of(get("/api/calls/" + id + "/participants", tokens.of("carol")));
        assertThat(participants.findValuesAsText("userId")).containsExactlyInAnyOrder(ALICE, BOB, CAROL);
        assertThat(events(id, "participant.invited")).as("carol, added by joining").isEqualTo(1);
        end(id);
    }

    @Test
    void a_portal_that_is_down_answers_503_and_nothing_is_written() throws Exception {
        online("alice", "bob");
        String thread = "thread-" + UUID.randomUUID();
        TestPortal.down(thread);
        Instant before = ClockUtil.now().toInstant();

        HttpResponse<String> start = post("/api/calls/start", tokens.of("alice"),
                Json.write(Map.of("threadId", thread, "memberIds", List.of(BOB))));

        assertThat(start.statusCode()).as(start.body()).isEqualTo(503);
        assertThat(start.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Json.of(start).get("detail").asText()).contains(thread);
        assertThat(TestPortal.requests(thread)).as("the portal was asked").isPositive();
        assertThat(callsPlacedSince(ALICE, before)).as("no call row, no call.started, no instant-call process").isZero();
        assertThat(jdbc.sql("select count(*) from meeting where thread_id = :t").param("t", thread)
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_join_while_the_portal_is_down_answers_503_and_changes_nothing() throws Exception {
        online("alice", "bob");
        String thread = thread(ALICE, BOB);
        String id = Json.of(post("/api/calls/start", tokens.of("alice"),
                Json.write(Map.of("thread_id", thread, "member_ids", List.of(BOB))))).get("call_id").asText();
        TestPortal.down(thread);

        HttpResponse<String> join = send("POST", "/api/calls/" + id + "/join", tokens.of("bob"), null);

        assertThat(join.statusCode()).as(join.body()).isEqualTo(503);
        assertThat(events(id, "participant.joined")).as("alice only").isEqualTo(1);
        JsonNode bob = Json.of(get("/api/calls/" + id + "/participants", tokens.of("bob"))).findParents("userId").stream()
                .filter(p -> p.get("userId").asText().equals(BOB)).findFirst().orElseThrow();
        assertThat(bob.get("status").asText()).isEqualTo("invited");
        end(id);
    }

    /** A fresh thread the portal knows with these members. */
    private static String thread(String... members) {
        String thread = "thread-" + UUID.randomUUID();
        TestPortal.thread(thread, members);
        return thread;
    }

    private void end(String id) throws Exception {
        send("DELETE", "/api/calls/" + id, tokens.of("alice"), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> cleanedUp(id));
    }

    private static List<String> fields(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
