package io.convene.api.openapi;

import io.convene.api.error.ProblemCodes;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Which problem+json errors an operation can answer, from what it is: every one needs a token
 * (401) and may fail on our side (500); one with input can be invalid (400, 413 with a body);
 * one on an object can miss it (404: outsiders get 404 too); meetings, calls and operations have
 * roles (403); changes can collide (409); what reaches Keycloak, Jitsi or the portal can find it
 * away (503).
 */
final class ProblemResponses {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();
    /** The {@code error} codes by status, as {@link ProblemCodes} decides them. */
    static final String CODES = IntStream.of(400, 401, 403, 404, 405, 406, 409, 413, 415, 429, 500, 503)
            .mapToObj(status -> status + " `" + ProblemCodes.forStatus(status) + "`")
            .collect(Collectors.joining(", "));

    static {
        DESCRIPTIONS.put("400", "Invalid input: `errors` names each invalid field");
        DESCRIPTIONS.put("401", "No valid access token");
        DESCRIPTIONS.put("403", "Your role does not allow this");
        DESCRIPTIONS.put("404", "No such object, or you are not in it");
        DESCRIPTIONS.put("409", "The object is not in a state that allows this (or was changed at the same time)");
        DESCRIPTIONS.put("413", "The request body is too large");
        DESCRIPTIONS.put("429", "A limit was reached (guests: per client address, per session); `Retry-After` says when to try again");
        DESCRIPTIONS.put("500", "Something went wrong on our side");
        DESCRIPTIONS.put("503", "A service this needs (identity provider, Jitsi, portal) is not available");
    }

    private ProblemResponses() {}

    static Map<String, ApiResponse> all() {
        Map<String, ApiResponse> responses = new LinkedHashMap<>();
        DESCRIPTIONS.forEach((status, description) -> responses.put(name(status), new ApiResponse()
                .description(description + " (`error`: `" + ProblemCodes.forStatus(Integer.parseInt(status)) + "`"
                        + ("409".equals(status) ? ", or `not_reachable` for a call to people who are all offline" : "")
                        + ")")
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
        return responses;
    }

    static String ref(String status) {
        return "#/components/responses/" + name(status);
    }

    static Set<String> answerableBy(PathItem.HttpMethod method, String path, Operation operation) {
        boolean hasInput = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || operation.getRequestBody() != null;
        boolean onObject = path.contains("{");
        boolean changes = method != PathItem.HttpMethod.GET;
        boolean withRoles = path.startsWith("/api/meetings") || path.startsWith("/api/calls") || path.startsWith("/api/ops")
                || path.startsWith("/api/admin") || path.startsWith("/api/softphone") || path.startsWith("/api/call-log");
        boolean reachesOut = path.startsWith("/api/users") || path.startsWith("/api/admin/users")
                || (changes && (path.startsWith("/api/meetings") || path.startsWith("/api/calls")));
        Set<String> statuses = new LinkedHashSet<>();
        if (hasInput) {
            statuses.add("400");
        }
        statuses.add("401");
        if (withRoles) {
            statuses.add("403");
        }
        if (onObject) {
            statuses.add("404");
        }
        if (changes && withRoles) {
            statuses.add("409");
        }
        if (operation.getRequestBody() != null) {
            statuses.add("413");
        }
        if (path.startsWith("/api/meetings/external/join") || path.equals("/api/meetings/external/register")
                || path.endsWith("/ask") || path.endsWith("/preview")) {
            statuses.add("429");
        }
        statuses.add("500");
        if (reachesOut) {
            statuses.add("503");
        }
        return statuses;
    }

    private static String name(String status) {
        return "Problem" + status;
    }
}
