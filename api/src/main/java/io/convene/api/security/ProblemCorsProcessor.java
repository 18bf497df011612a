package io.convene.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.lang.Nullable;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS checks, with its refusal (an origin, method or header not allowed) answered as a
 * 403 problem+json like every other error, instead of Spring's plain text "Invalid CORS request".
 */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

    static final String REFUSED = "Cross-origin request refused: this page's origin, method or headers "
            + "are not allowed (convene.web.allowed-origins).";

    private final ProblemAuthenticationHandlers problems;

    ProblemCorsProcessor(ProblemAuthenticationHandlers problems) {
        this.problems = problems;
    }

    @Override
    public boolean processRequest(@Nullable CorsConfiguration config, HttpServletRequest request,
                                  HttpServletResponse response) throws IOException {
        if (super.processRequest(config, request, response)) {
            return true;
        }
        problems.write(request, response, HttpStatus.FORBIDDEN, REFUSED);
        return false;
    }

    /** Every refusal goes through here; its answer is written by {@link #processRequest}. */
    @Override
    protected void rejectRequest(ServerHttpResponse response) {
        // nothing written yet: processRequest writes the problem
    }
}
