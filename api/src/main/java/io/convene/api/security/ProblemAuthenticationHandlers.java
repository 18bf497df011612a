package io.convene.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.api.error.ProblemCodes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 from the security filters, and 400 for requests the firewall rejects before any
 * filter chain ({@code //} or {@code ;} in a path, a forbidden method), as problem+json like
 * every other error, with its {@code error} code. Spring Security uses the one {@link RequestRejectedHandler} bean it finds.
 */
@Component
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ObjectMapper json;

    ProblemAuthenticationHandlers(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED,
                "A valid bearer token from the identity provider is required.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Your roles do not allow this.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(request, response, HttpStatus.BAD_REQUEST, "The request URL or method is not allowed: " + reason(e));
    }

    // the firewall's messages quote the whole URL back; keep only the rule that was broken
    private static String reason(RequestRejectedException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int quote = message.indexOf('"');
        return (quote < 0 ? message : message.substring(0, quote)).strip();
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = ProblemCodes.coded(ProblemDetail.forStatusAndDetail(status, detail));
        problem.setInstance(instance(request));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static URI instance(HttpServletRequest request) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException e) {
            return null; // a rejected URL need not be a valid URI
        }
    }
}
