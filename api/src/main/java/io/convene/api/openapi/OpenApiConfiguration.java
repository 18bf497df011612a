package io.convene.api.openapi;

import io.convene.api.security.IdentityProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} is enough to integrate: how to authenticate (a
 * Keycloak access token as bearer, with the OIDC discovery URL), the problem+json errors each
 * operation can answer, and examples for the main requests. Controllers stay free of it: the
 * errors follow from what an operation is (see {@link ProblemResponses}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final String OIDC = "keycloak";

    @Bean
    OpenAPI conveneOpenApi(IdentityProperties identity) {
        return new OpenAPI()
                .info(new Info().title("Convene API").version("v1")
                        .description("Meetings and calls for the business portal. Every call needs an access token of "
                                + "the realm (OIDC, audience convene-api) as `Authorization: Bearer …`. Every error is "
                                + "RFC 9457 problem+json with a short `error` code (`not_found`, `forbidden`, …); invalid input "
                                + "lists one entry per field under `errors`."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT")
                                .description("An access token from the identity provider (Keycloak), audience convene-api."))
                        .addSecuritySchemes(OIDC, new SecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
                                .openIdConnectUrl(identity.issuerUri() + "/.well-known/openid-configuration")
                                .description("Where to get the token: the realm's OIDC discovery document."))
                        .addSchemas(ProblemResponses.FIELD_ERROR, new ObjectSchema()
                                .description("One invalid field of a request.")
                                .addProperty("field", new StringSchema().example("startTime"))
                                .addProperty("reason", new StringSchema().example("must not be null")))
                        .addSchemas(ProblemResponses.PROBLEM, new ObjectSchema()
                                .description("RFC 9457 problem details.")
                                .addProperty("type", new StringSchema().example("about:blank"))
                                .addProperty("title", new StringSchema().example("Invalid request"))
                                .addProperty("status", new IntegerSchema().example(400))
                                .addProperty("detail", new StringSchema().example("startTime must not be null"))
                                .addProperty("instance", new StringSchema().example("/api/meetings"))
                                .addProperty("error", new StringSchema().example("invalid_request")
                                        .description("A short code beside status: " + ProblemResponses.CODES
                                                + "; `not_reachable` for a call whose callees are all offline (409)"))
                                .addProperty("errors", new ArraySchema().items(
                                        new Schema<>().$ref("#/components/schemas/" + ProblemResponses.FIELD_ERROR))))
                        .responses(ProblemResponses.all()));
    }

    @Bean
    OpenApiCustomizer problemResponsesAndExamples() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/")) {
                    return;
                }
                item.readOperationsMap().forEach((method, operation) -> {
                    operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(OIDC)));
                    if (operation.getResponses() == null) {
                        operation.setResponses(new ApiResponses());
                    }
                    ProblemResponses.answerableBy(method, path, operation)
                            .forEach(status -> operation.getResponses().addApiResponse(status,
                                    new ApiResponse().$ref(ProblemResponses.ref(status))));
                });
            });
            example(openApi, "/api/meetings", "plannedMeeting", "A 30-minute meeting with two colleagues",
                    Map.of("title", "Sprint planning", "description", "Agenda in the thread",
                            "startTime", "2030-05-17T09:00:00Z", "durationMinutes", 30, "provider", "JITSI",
                            "participantIds", List.of("b0b00000-0000-4000-8000-000000000002",
                                    "ca201000-0000-4000-8000-000000000003")));
            example(openApi, "/api/calls/instant", "videoCall", "Call a colleague now (only online users ring)",
                    Map.of("participantIds", List.of("b0b00000-0000-4000-8000-000000000002"), "callType", "video"));
            example(openApi, "/api/calls/instant", "seedInstantCall", "Seed 002's InstantCallService.createInstantCall",
                    Map.of("title", "Call", "startTime", "2030-05-17T09:00:00.000Z", "endTime", "2030-05-17T13:00:00.000Z",
                            "participantUserIds", List.of("b0b00000-0000-4000-8000-000000000002"),
                            "isInstantCall", true, "sourceUserId", "b0b00000-0000-4000-8000-000000000002"));
            example(openApi, "/api/calls/start", "threadCall", "Seed 001: start an audio call in a portal thread",
                    Map.of("thread_id", "thread_123", "call_type", "audio",
                            "member_ids", List.of("b0b00000-0000-4000-8000-000000000002")));
        };
    }

    private static void example(OpenAPI openApi, String path, String name, String summary, Map<String, Object> value) {
        PathItem item = openApi.getPaths().get(path);
        Operation post = item == null ? null : item.getPost();
        if (post == null || post.getRequestBody() == null || post.getRequestBody().getContent() == null) {
            return;
        }
        Content content = post.getRequestBody().getContent();
        MediaType json = content.get("application/json");
        if (json != null) {
            json.addExamples(name, new Example().summary(summary).value(value));
        }
    }
}
