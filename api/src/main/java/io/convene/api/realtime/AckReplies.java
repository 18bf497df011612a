package io.convene.api.realtime;

import io.convene.api.error.ProblemCodes;
import io.convene.application.shared.ConflictException;
import io.convene.application.shared.ForbiddenException;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.NotFoundException;
import io.convene.application.shared.TooManyRequestsException;
import io.convene.application.shared.UnavailableException;
import io.convene.domain.meeting.MeetingConflict;
import io.convene.domain.meeting.MeetingRuleViolation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ack payloads: {@code {ok: true, data}} or {@code {ok: false, problem: {type, status, title, detail, error}}}
 * (problem+json's fields, with the REST twin's {@code error} code).
 */
final class AckReplies {

    private AckReplies() {}

    static Map<String, Object> ok(Object data) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("ok", true);
        reply.put("data", data);
        return reply;
    }

    static Map<String, Object> problem(int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("status", status);
        problem.put("title", title);
        problem.put("detail", detail);
        problem.put(ProblemCodes.PROPERTY, ProblemCodes.forStatus(status));
        return Map.of("ok", false, "problem", problem);
    }

    static Map<String, Object> badRequest(String detail) {
        return problem(400, "Bad Request", detail);
    }

    /** The same statuses the REST twin answers with (api/error/ProblemDetailsAdvice). */
    static Map<String, Object> of(RuntimeException e) {
        if (e instanceof InvalidInputException || e instanceof MeetingRuleViolation) {
            return problem(400, "Bad Request", e.getMessage());
        } else if (e instanceof NotFoundException) {
            return problem(404, "Not Found", e.getMessage());
        } else if (e instanceof ForbiddenException) {
            return problem(403, "Forbidden", e.getMessage());
        } else if (e instanceof ConflictException || e instanceof MeetingConflict) {
            return problem(409, "Conflict", e.getMessage());
        } else if (e instanceof TooManyRequestsException) {
            return problem(429, "Too Many Requests", e.getMessage());
        } else if (e instanceof UnavailableException) {
            return problem(503, "Service Unavailable", e.getMessage());
        }
        return problem(500, "Internal Server Error", "Something went wrong on our side.");
    }
}
