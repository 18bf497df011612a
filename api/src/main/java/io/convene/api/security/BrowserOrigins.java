package io.convene.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * The browser origins allowed to use Convene ({@code convene.web.allowed-origins}): one list, one
 * matcher (Spring's {@link CorsConfiguration}) for the REST API's CORS answers and the Socket.IO
 * gateway's handshake check, so the two never disagree.
 *
 * <p>Pages authenticate with a bearer token, never cookies, so no credentials are allowed
 * ({@code Access-Control-Allow-Credentials} is never sent), and {@code *} is refused at startup all
 * the same: the list names who may call.
 */
public final class BrowserOrigins implements CorsConfigurationSource {

    /** Headers a page may read from an answer: where a created thing is, paging, when to try again. */
    static final List<String> EXPOSED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.LINK, "X-Total-Count",
            HttpHeaders.RETRY_AFTER);
    /** Headers a page may send beyond the CORS-safelisted ones. */
    static final List<String> ALLOWED_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            Callers.INVITATION_TOKEN_HEADER);
    /** How long a browser may cache a preflight's answer (Chromium caps it at 2 h). */
    static final Duration PREFLIGHT_MAX_AGE = Duration.ofHours(1);

    // scheme://host[:port], where host and port may be Spring's patterns (*.example.org, [*], [8080,8081])
    private static final Pattern ORIGIN = Pattern.compile("https?://[^/?#\\s]+/?");

    private final List<String> origins;
    private final CorsConfiguration cors;

    public BrowserOrigins(List<String> origins) {
        this.origins = origins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        for (String origin : this.origins) {
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException("convene.web.allowed-origins: '" + origin + "' is not an origin "
                        + "(scheme://host[:port], no path; patterns like https://*.example.org or "
                        + "http://localhost:[*]); '*' is not allowed: list the portal's origins");
            }
        }
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOriginPatterns(this.origins);
        config.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name(), HttpMethod.POST.name(),
                HttpMethod.PUT.name(), HttpMethod.PATCH.name(), HttpMethod.DELETE.name()));
        config.setAllowedHeaders(ALLOWED_HEADERS);
        config.setExposedHeaders(EXPOSED_HEADERS);
        config.setAllowCredentials(false);
        config.setMaxAge(PREFLIGHT_MAX_AGE);
        this.cors = config;
    }

    /** True when a page of {@code origin} may call the API and connect a socket. */
    public boolean allows(String origin) {
        return origin != null && cors.checkOrigin(origin) != null;
    }

    /** The one origin, when exactly one is configured and it is not a pattern. */
    public Optional<String> single() {
        return origins.size() == 1 && !origins.get(0).contains("*") && !origins.get(0).contains("[")
                ? Optional.of(origins.get(0)) : Optional.empty();
    }

    /** The same answer for every path: the filter chains that use it cover {@code /api/**} only. */
    @Override
    public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        return cors;
    }

    @Override
    public String toString() {
        return String.join(",", origins);
    }
}
