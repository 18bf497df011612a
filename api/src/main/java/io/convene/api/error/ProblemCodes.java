package io.convene.api.error;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The short {@code error} code every problem+json body carries beside {@code status} (seed 001's
 * {@code {error: 'not_found'}}, docs/operations.md): one place decides it. By status unless a
 * problem names a more specific one ({@link #NOT_REACHABLE}). Used by everything that writes a
 * problem: the MVC advice ({@link ProblemCodeAdvice}), the security handlers and the size filter
 * that answer before Spring MVC, and the socket gateway's acks.
 */
public final class ProblemCodes {

    /** The problem's extension member. */
    public static final String PROPERTY = "error";

    /** A call whose callees are all offline (409). */
    public static final String NOT_REACHABLE = "not_reachable";

    private static final Map<Integer, String> BY_STATUS = Map.ofEntries(
            Map.entry(400, "invalid_request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not_found"),
            Map.entry(405, "method_not_allowed"),
            Map.entry(406, "not_acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(410, "gone"),
            Map.entry(413, "payload_too_large"),
            Map.entry(415, "unsupported_media_type"),
            Map.entry(422, "unprocessable"),
            Map.entry(429, "rate_limited"),
            Map.entry(500, "internal_error"),
            Map.entry(503, "unavailable"));

    private ProblemCodes() {}

    /** The code of a status: the table above, else the status's name in lower case ({@code bad_gateway}). */
    public static String forStatus(int status) {
        String code = BY_STATUS.get(status);
        if (code != null) {
            return code;
        }
        HttpStatus known = HttpStatus.resolve(status);
        if (known != null) {
            return known.name().toLowerCase(java.util.Locale.ROOT);
        }
        return status >= 500 ? "internal_error" : "invalid_request";
    }

    /** Adds the code of the problem's status unless it names one already; returns the problem. */
    public static ProblemDetail coded(ProblemDetail problem) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey(PROPERTY)) {
            problem.setProperty(PROPERTY, forStatus(problem.getStatus()));
        }
        return problem;
    }

    /** Gives the problem a specific code. */
    public static ProblemDetail coded(ProblemDetail problem, String code) {
        problem.setProperty(PROPERTY, code);
        return problem;
    }
}
