package io.convene.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.app.support.StackTestBase;
import java.net.http.HttpResponse;
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

    private void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("at org.", "Exception");
    }
}
