package io.convene.app.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.support.Json;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 002's bulk delete names {@code call_} ids next to meetings (its own example deletes call_456). */
class BulkDeleteCallsIntegrationTest extends CallFixtures {

    @Test
    void the_owner_bulk_deletes_a_running_call_and_a_meeting_and_the_calls_log_survives() throws Exception {
        online("alice", "bob");
        String callId = idFromLocation(post("/api/calls/instant", tokens.of("alice"),
                Json.write(Map.of("participantIds", List.of(BOB), "callType", "audio"))));
        String meetingId = idFromLocation(post("/api/meetings", tokens.of("alice"), Json.write(Map.of("title", "Later",
                "startTime", Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()))));

        HttpResponse<String> deleted = send("DELETE", "/api/meetings/bulk", tokens.of("alice"),
                Json.write(Map.of("meetingIds", List.of(callId, meetingId))));

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        JsonNode result = Json.of(deleted);
        assertThat(result.get("deleted").asInt()).as(deleted.body()).isEqualTo(2);
        assertThat(result.get("failed").asInt()).isZero();
        assertThat(get("/api/calls/" + callId, tokens.of("alice")).statusCode()).isEqualTo(404);
        assertThat(processInstances(callId)).as("its process ends").isZero();
        assertThat(events(callId, "call.ended")).as("a running call ends first").isEqualTo(1);
        HttpResponse<String> log = get("/api/calls/" + callId + "/log", tokens.of("bob"));
        assertThat(log.statusCode()).as("its summary stays: " + log.body()).isEqualTo(200);
        assertThat(get("/api/meetings/" + meetingId, tokens.of("alice")).statusCode()).isEqualTo(404);
    }

    @Test
    void a_callee_cannot_bulk_delete_the_callers_call() throws Exception {
        online("alice", "bob");
        String callId = idFromLocation(post("/api/calls/instant", tokens.of("alice"),
                Json.write(Map.of("participantIds", List.of(BOB)))));

        JsonNode result = Json.of(send("DELETE", "/api/meetings/bulk", tokens.of("bob"),
                Json.write(Map.of("meetingIds", List.of(callId)))));

        assertThat(result.get("deleted").asInt()).isZero();
        assertThat(result.get("errors").get(0).get("reason").asText()).isEqualTo("Not owner");
        assertThat(get("/api/calls/" + callId, tokens.of("alice")).statusCode()).isEqualTo(200);
    }

    private static String idFromLocation(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
