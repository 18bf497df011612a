package io.convene.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.app.support.StackTestBase;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAPI document of the running app is valid and tells an integrator what they need. */
class OpenApiDocumentIntegrationTest extends StackTestBase {

    private OpenAPI openApi;

    @BeforeEach
    void fetchAndParse() throws Exception {
        HttpResponse<String> document = get("/v3/api-docs", null);
        assertThat(document.statusCode()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document.body(), null, options);

        assertThat(result.getMessages()).as("OpenAPI parser messages").isEmpty();
        openApi = result.getOpenAPI();
        assertThat(openApi).isNotNull();
    }

    @Test
    void it_declares_the_bearer_token_of_the_identity_provider() {
        SecurityScheme bearer = openApi.getComponents().getSecuritySchemes().get("bearer");
        SecurityScheme oidc = openApi.getComponents().getSecuritySchemes().get("keycloak");

        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualTo("bearer");
        assertThat(oidc.getOpenIdConnectUrl()).isEqualTo(issuer + "/.well-known/openid-configuration");
    }

    @Test
    void every_api_operation_needs_the_token_and_documents_its_errors_as_problem_json() {
        List<String> undocumented = new ArrayList<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            if (operation.getSecurity() == null || operation.getSecurity().stream().noneMatch(s -> s.containsKey("bearer"))) {
                undocumented.add(name + ": no bearer security");
            }
            List<String> errors = operation.getResponses().keySet().stream()
                    .filter(status -> status.startsWith("4") || status.startsWith("5")).toList();
            if (!errors.containsAll(List.of("401", "500"))) {
                undocumented.add(name + ": error responses " + errors);
            }
            for (String status : errors) {
                ApiResponse response = operation.getResponses().get(status);
                MediaType problem = response.getContent() == null ? null : response.getContent().get("application/problem+json");
                if (problem == null || problem.getSchema() == null || problem.getSchema().getProperties() == null
                        || !problem.getSchema().getProperties().containsKey("status")) {
                    undocumented.add(name + ": " + status + " is not a problem+json");
                }
            }
        }));

        assertThat(openApi.getPaths()).containsKeys("/api/meetings", "/api/calls/instant", "/api/meetings/{meetingId}");
        assertThat(undocumented).isEmpty();
    }

    @Test
    void an_operation_on_an_object_documents_404_and_invalid_input_documents_400() {
        Operation get = openApi.getPaths().get("/api/meetings/{meetingId}").getGet();
        Operation create = openApi.getPaths().get("/api/meetings").getPost();

        assertThat(get.getResponses()).containsKeys("401", "404");
        assertThat(create.getResponses()).containsKeys("400", "401", "503");
        assertThat(create.getResponses().get("400").getContent().get("application/problem+json").getSchema()
                .getProperties()).containsKey("errors");
    }

    @Test
    void the_problem_schema_shows_the_error_code_and_seed_001s_start_is_documented_in_snake_case() {
        assertThat(openApi.getComponents().getSchemas().get("Problem").getProperties()).containsKey("error");
        var start = openApi.getPaths().get("/api/calls/start").getPost().getRequestBody().getContent()
                .get("application/json").getSchema();
        var schema = start.get$ref() == null ? start
                : openApi.getComponents().getSchemas().get(start.get$ref().substring(start.get$ref().lastIndexOf('/') + 1));
        assertThat(schema.getProperties()).as(String.valueOf(start)).containsKeys("thread_id", "call_type", "member_ids");
    }

    @Test
    void creating_a_meeting_and_starting_an_instant_call_have_examples() {
        assertThat(requestExamples("/api/meetings")).containsKey("plannedMeeting");
        assertThat(requestExamples("/api/calls/instant")).containsKey("videoCall");
    }

    private java.util.Map<String, ?> requestExamples(String path) {
        MediaType json = openApi.getPaths().get(path).getPost().getRequestBody().getContent().get("application/json");
        assertThat(json.getExamples()).as(path).isNotNull();
        return json.getExamples();
    }
}
