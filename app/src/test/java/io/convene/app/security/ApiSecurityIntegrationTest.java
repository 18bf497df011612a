package io.convene.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.app.support.StackTestBase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API and the engine REST API, called with real tokens from the embedded Keycloak. */
class ApiSecurityIntegrationTest extends StackTestBase {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_keycloak_token_of_alice_gets_her_identity_from_api_me() throws Exception {
        HttpResponse<String> response = get("/api/me", tokens.of("alice"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json.readTree(response.body());
        assertThat(me.get("id").asText()).isEqualTo("a11ce000-0000-4000-8000-000000000001");
        assertThat(me.get("username").asText()).isEqualTo("alice");
        assertThat(me.get("name").asText()).isEqualTo("Alice Anders");
        assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("user");
    }

    @Test
    void no_token_is_401_problem_json() throws Exception {
        HttpResponse<String> response = get("/api/me", null);

        assertProblem(response, 401);
    }

    @Test
    void a_tampered_token_is_401() throws Exception {
        String token = tokens.of("alice");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];

        assertProblem(get("/api/me", forged), 401);
    }

    @Test
    void a_user_without_the_admin_role_gets_403_on_admin_endpoints() throws Exception {
        assertProblem(post("/api/ops/timer-probes", tokens.of("alice"), null), 403);
    }

    @Test
    void engine_rest_is_401_without_token_403_for_alice_and_200_for_admin() throws Exception {
        assertProblem(get("/engine-rest/process-definition", null), 401);
        assertProblem(get("/engine-rest/process-definition", tokens.of("alice")), 403);

        HttpResponse<String> admin = get("/engine-rest/process-definition?key=timer-probe", tokens.of("admin"));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(json.readTree(admin.body())).extracting(node -> node.get("key").asText()).contains("timer-probe");
    }

    // CORS: the test stack allows http://localhost:[*] (application-test.yaml); 127.0.0.1 is foreign

    @Test
    void a_preflight_from_an_allowed_origin_is_answered_without_a_token() throws Exception {
        HttpResponse<String> preflight = preflight("/api/meetings", "http://localhost:3000", "POST",
                "authorization,content-type");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST", "DELETE", "PATCH");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("authorization", "content-type");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("3600");
    }

    @Test
    void the_guests_door_answers_preflights_with_the_invitation_header_too() throws Exception {
        for (String path : List.of("/api/meetings/external/register", "/api/meetings/mtg_x/preview")) {
            HttpResponse<String> preflight = preflight(path, "http://localhost:3000",
                    path.endsWith("preview") ? "GET" : "POST", "content-type,x-invitation-token");

            assertThat(preflight.statusCode()).as(path).isEqualTo(200);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                    .contains("x-invitation-token");
        }
    }

    @Test
    void answers_to_an_allowed_origin_expose_location_paging_and_retry_after_and_a_401_is_readable_too() throws Exception {
        HttpResponse<String> me = withOrigin("GET", "/api/me", "http://localhost:3000", tokens.of("alice"));
        HttpResponse<String> anonymous = withOrigin("GET", "/api/me", "http://localhost:3000", null);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(me.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("Location", "Link", "X-Total-Count", "Retry-After");
        assertProblem(anonymous, 401);
        assertThat(anonymous.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
    }

    @Test
    void a_foreign_origin_is_refused_with_a_403_problem_before_and_after_its_preflight() throws Exception {
        HttpResponse<String> preflight = preflight("/api/meetings", "http://127.0.0.1:3000", "POST", "authorization");
        HttpResponse<String> request = withOrigin("GET", "/api/me", "http://127.0.0.1:3000", tokens.of("alice"));
        HttpResponse<String> guests = preflight("/api/meetings/external/register", "http://127.0.0.1:3000", "POST",
                "content-type");

        for (HttpResponse<String> refused : List.of(preflight, request, guests)) {
            assertProblem(refused, 403);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(json.readTree(refused.body()).get("detail").asText()).contains("origin");
        }
    }

    @Test
    void a_preflight_for_a_method_or_only_headers_not_allowed_is_refused_and_an_extra_header_is_left_out() throws Exception {
        assertProblem(preflight("/api/me", "http://localhost:3000", "TRACE", "authorization"), 403);
        assertProblem(preflight("/api/me", "http://localhost:3000", "GET", "x-something-else"), 403);

        HttpResponse<String> mixed = preflight("/api/me", "http://localhost:3000", "GET", "authorization,x-something-else");
        assertThat(mixed.statusCode()).isEqualTo(200); // Spring's answer; the browser refuses: the header is not listed
        assertThat(mixed.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("authorization").doesNotContain("x-something-else");
    }

    private HttpResponse<String> preflight(String path, String origin, String method, String headers) throws Exception {
        return http.send(HttpRequest.newBuilder(api(path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> withOrigin(String method, String path, String origin, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api(path)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("at org.", "Exception");
    }
}
