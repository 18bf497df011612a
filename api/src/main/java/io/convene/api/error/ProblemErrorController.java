package io.convene.api.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * What the servlet container answers when an error never reached a controller (a filter threw,
 * {@code sendError} was called, Tomcat refused the request): problem+json, as every other error,
 * instead of Boot's whitelabel page or its own JSON shape. Browsers outside {@code /api} get a
 * short HTML page. Replaces Boot's {@code BasicErrorController}.
 */
@RestController
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

    @RequestMapping
    ResponseEntity<?> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = detail(status);
        if (wantsHtml(request, path)) {
            return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html(status, detail));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (path != null) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException ignored) {
                // not a valid URI: leave instance out
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this path.";
            case METHOD_NOT_ALLOWED -> "This path does not take this HTTP method.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            case BAD_REQUEST -> "The request could not be read.";
            case UNAUTHORIZED -> "A valid bearer token from the identity provider is required.";
            case FORBIDDEN -> "Your roles do not allow this.";
            default -> status.is5xxServerError() ? "Something went wrong on our side; it has been logged."
                    : status.getReasonPhrase() + ".";
        };
    }

    private static boolean wantsHtml(HttpServletRequest request, String path) {
        String accept = request.getHeader("Accept");
        return (path == null || !path.startsWith("/api/")) && accept != null && accept.contains("text/html");
    }

    private static String html(HttpStatus status, String detail) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + status.value() + " "
                + HtmlUtils.htmlEscape(status.getReasonPhrase()) + "</title></head><body><h1>" + status.value() + " "
                + HtmlUtils.htmlEscape(status.getReasonPhrase()) + "</h1><p>" + HtmlUtils.htmlEscape(detail)
                + "</p></body></html>";
    }
}
