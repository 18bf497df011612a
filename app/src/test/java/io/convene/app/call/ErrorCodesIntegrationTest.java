package io.convene.app.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.support.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * Every error body carries a short {@code error} code beside {@code status} (seed 001's
 * {@code {error: 'not_found'}}), whoever answers it: a controller's use case, Spring MVC, the
 * security filters, the size filter, the servlet container. One request each, over real HTTP.
 */
class ErrorCodesIntegrationTest extends CallFixtures {

    @Test
    void invalid_input_is_400_invalid_request() throws Exception {
        HttpResponse<String> response = post("/api/calls/start", tokens.of("alice"), Json.write(Map.of("call_type", "audio")));

        assertThat(code(response, 400)).isEqualTo("invalid_request");
        assertThat(Json.of(response).get("errors").findValuesAsText("field")).containsExactly("threadId");
    }

    @Test
    void a_url_the_firewall_rejects_before_any_filter_chain_is_400_invalid_request() throws Exception {
        assertThat(code(get("/api//calls/instant", tokens.of("alice")), 400)).isEqualTo("invalid_request");
    }

    @Test
    void no_token_is_401_unauthorized() throws Exception {
        assertThat(code(post("/api/calls/instant", null, Json.write(Map.of("participantIds", List.of(BOB)))), 401))
                .isEqualTo("unauthorized");
    }

    @Test
    void a_role_the_security_filters_require_is_403_forbidden() throws Exception {
        assertThat(code(get("/engine-rest/process-definition", tokens.of("alice")), 403)).isEqualTo("forbidden");
    }

    @Test
    void someone_not_in_the_calls_thread_is_403_forbidden() throws Exception {
        online("alice", "bob");
        TestPortal.thread("thread-codes", ALICE, BOB);

        HttpResponse<String> response = post("/api/calls/start", tokens.of("dave"),
                Json.write(Map.of("thread_id", "thread-codes", "member_ids", List.of(BOB))));

        assertThat(code(response, 403)).isEqualTo("forbidden");
    }

    @Test
    void an_unknown_call_is_404_not_found() throws Exception {
        HttpResponse<String> response = get("/api/calls/call_00000000-0000-4000-8000-000000000000/log", tokens.of("alice"));

        assertThat(code(response, 404)).isEqualTo("not_found");
    }

    @Test
    void an_unknown_path_is_404_not_found() throws Exception {
        assertThat(code(get("/api/calls/x/y/z", tokens.of("alice")), 404)).isEqualTo("not_found");
    }

    @Test
    void a_method_the_path_does_not_take_is_405_method_not_allowed() throws Exception {
        assertThat(code(send("PUT", "/api/calls/instant", tokens.of("alice"), "{}"), 405)).isEqualTo("method_not_allowed");
    }

    @Test
    void an_answer_to_a_ring_that_is_over_is_409_conflict() throws Exception {
        online("alice", "bob");
        String id = callId("alice", List.of(BOB));
        assertThat(act("bob", "accept", id).statusCode()).isEqualTo(200);

        assertThat(code(act("bob", "accept", id), 409)).isEqualTo("conflict");
        send("DELETE", "/api/calls/" + id, tokens.of("alice"), null);
    }

    @Test
    void a_call_to_someone_offline_is_409_not_reachable() throws Exception {
        online("alice");
        offline(CAROL);

        HttpResponse<String> response = post("/api/calls/instant", tokens.of("alice"),
                Json.write(Map.of("participantIds", List.of(CAROL))));

        assertThat(code(response, 409)).isEqualTo("not_reachable");
    }

    @Test
    void a_body_over_the_cap_is_413_payload_too_large() throws Exception {
        String big = Json.write(Map.of("participantIds", List.of(BOB), "title", "x".repeat(1_100_000)));

        assertThat(code(post("/api/calls/instant", tokens.of("alice"), big), 413)).isEqualTo("payload_too_large");
    }

    @Test
    void a_client_address_over_its_limit_is_429_rate_limited() throws Exception {
        String address = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 250);
        jdbc.sql("""
                insert into guest_throttle (bucket, window_start, hits) values (:b, :now, 100000)
                on conflict (bucket) do update set window_start = :now, hits = 100000""")
                .param("b", "landing:" + address).param("now", Timestamp.from(ClockUtil.now().toInstant())).update();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api("/api/meetings/external/join/" + "t".repeat(43)))
                .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(code(response, 429)).isEqualTo("rate_limited");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void the_uniform_invalid_invitation_answer_stays_one_body_for_every_token() throws Exception {
        HttpResponse<String> one = http.send(HttpRequest.newBuilder(api("/api/meetings/external/join/" + "a".repeat(43)))
                .header("X-Forwarded-For", "203.0.113.254").GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(api("/api/meetings/external/join/nope"))
                .header("X-Forwarded-For", "203.0.113.254").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(code(one, 404)).isEqualTo("not_found");
        assertThat(other.body()).isEqualTo(one.body());
    }

    /** The problem's {@code error} code, after checking it is a problem+json of {@code status}. */
    private static String code(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Json.of(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem.path("error").asText(null);
    }
}
