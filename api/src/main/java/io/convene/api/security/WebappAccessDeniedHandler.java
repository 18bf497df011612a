package io.convene.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/**
 * A browser signed in through Keycloak without the realm role {@code admin} that opens Cockpit,
 * Admin or Tasklist gets a readable page naming who is signed in, with a button to sign out (of
 * Convene and of Keycloak, so another user can sign in). Calls that want JSON (the webapps' own
 * {@code /camunda/api/**}) keep getting problem+json.
 */
final class WebappAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemAuthenticationHandlers problems;

    WebappAccessDeniedHandler(ProblemAuthenticationHandlers problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (!wantsPage(request)) {
            problems.handle(request, response, e);
            return;
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(page(signedIn(), request));
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/camunda/api/")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept == null || accept.contains("text/html") || !accept.contains("json");
    }

    private static String signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return "someone";
        }
        if (authentication.getPrincipal() instanceof OidcUser user && user.getFullName() != null) {
            return user.getFullName() + " (" + authentication.getName() + ")";
        }
        return authentication.getName();
    }

    private static String page(String who, HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String hidden = csrf == null ? "" : "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName())
                + "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Not allowed – Convene</title>
                <style>body{font-family:sans-serif;max-width:36em;margin:4em auto;line-height:1.5}</style></head>
                <body>
                <h1>Cockpit is for administrators</h1>
                <p>You are signed in as <strong>%s</strong>, who does not have the realm role <code>admin</code>.
                Ask an administrator for the role, or sign out and sign in as another user.</p>
                <form method="post" action="%s/logout">%s<button type="submit">Sign out</button></form>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(who), HtmlUtils.htmlEscape(request.getContextPath()), hidden);
    }
}
