package io.convene.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.support.Json;
import io.convene.app.support.StackTestBase;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Errors that Spring Security, Spring MVC or the servlet container answer before any
 * controller runs are problem+json too, with their short {@code error} code, over real HTTP.
 */
class ProblemJsonEverywhereIntegrationTest extends StackTestBase {

    @Test
    void a_double_slash_in_the_path_is_a_400_problem() throws Exception {
        HttpResponse<String> response = get("/api//me", tokens.of("alice"));

        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("detail").asText()).contains("not allowed");
    }

    @Test
    void a_semicolon_in_the_path_is_a_400_problem_even_without_a_token() throws Exception {
        assertProblem(get("/api/me;jsessionid=x", null), 400);
    }

    @Test
    void an_unknown_path_under_api_is_a_404_problem() throws Exception {
        assertProblem(get("/api/nothing-here", tokens.of("alice")), 404);
    }

    @Test
    void a_method_the_path_does_not_take_is_a_405_problem() throws Exception {
        assertProblem(send("DELETE", "/api/me", tokens.of("alice"), null), 405);
    }

    @Test
    void a_body_that_is_not_json_is_a_415_problem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api("/api/meetings"))
                .header("Authorization", "Bearer " + tokens.of("alice"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Planning at noon")).build(), HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 415);
    }

    @Test
    void unreadable_json_is_a_400_problem_naming_the_body() throws Exception {
        JsonNode problem = assertProblem(post("/api/meetings", tokens.of("alice"), "{\"title\": "), 400);

        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("body");
    }

    @Test
    void a_too_large_body_is_a_413_problem() throws Exception {
        String big = "{\"title\": \"" + "x".repeat(1_500_000) + "\"}";

        assertProblem(post("/api/meetings", tokens.of("alice"), big), 413);
    }

    @Test
    void a_too_large_chunked_body_is_a_413_problem() throws Exception {
        byte[] big = ("{\"title\": \"" + "x".repeat(1_500_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(api("/api/meetings"))
                .header("Authorization", "Bearer " + tokens.of("alice"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 413);
    }

    @Test
    void an_error_page_reached_directly_is_a_problem_too() throws Exception {
        HttpResponse<String> response = get("/error", null);

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.of(response).get("status").asInt()).isGreaterThanOrEqualTo(400);
        assertThat(Json.of(response).path("error").asText()).isNotBlank();
    }

    private static final Map<Integer, String> CODES = Map.of(400, "invalid_request", 404, "not_found",
            405, "method_not_allowed", 413, "payload_too_large", 415, "unsupported_media_type");

    private static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(response.body()).hasValue("application/problem+json");
        JsonNode problem = Json.of(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.path("error").asText()).as("the short code beside status").isEqualTo(CODES.get(status));
        assertThat(response.body()).doesNotContain("Exception", "at org.", "Whitelabel");
        return problem;
    }
}
