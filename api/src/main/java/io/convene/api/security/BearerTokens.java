package io.convene.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Spring's bearer token resolver (Authorization header only) with a fast path: a header of the form
 * {@code Bearer <b64token>} (RFC 6750, the scheme in any case) is taken without the regular
 * expression Spring runs over the whole token; anything else — no header, another scheme, a
 * malformed token — gets Spring's own answer.
 */
final class BearerTokens implements BearerTokenResolver {

    private static final String SCHEME = "bearer ";

    private final DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && hasScheme(header) && isB64Token(header, SCHEME.length())) {
            return header.substring(SCHEME.length());
        }
        return standard.resolve(request);
    }

    /** "Bearer " in any ASCII case, as the default's case-insensitive pattern. */
    private static boolean hasScheme(String header) {
        if (header.length() <= SCHEME.length()) {
            return false;
        }
        for (int i = 0; i < SCHEME.length(); i++) {
            char c = header.charAt(i);
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            if (lower != SCHEME.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-zA-Z0-9-._~+/]+=*} from {@code from} to the end. */
    private static boolean isB64Token(String s, int from) {
        int i = from;
        while (i < s.length() && tokenChar(s.charAt(i))) {
            i++;
        }
        if (i == from) {
            return false;
        }
        while (i < s.length() && s.charAt(i) == '=') {
            i++;
        }
        return i == s.length();
    }

    private static boolean tokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
