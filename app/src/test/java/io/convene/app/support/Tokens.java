package io.convene.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from the real embedded Keycloak (password grant of the portal client; demo users),
 * kept until a minute before they expire: a suite that runs longer than the realm's token lifespan
 * (a loaded machine) must not send expired tokens and read the 401s as failures.
 */
public final class Tokens {

    private static final Duration MARGIN = Duration.ofMinutes(1);
    private static final Map<String, Issued> cache = new ConcurrentHashMap<>();
    private final String issuer;
    private final HttpClient http = HttpClient.newHttpClient();

    Tokens(String issuer) {
        this.issuer = issuer;
    }

    /** A token for a demo user, whose password is the user name. */
    public String of(String user) {
        return cache.compute(issuer + user, (key, issued) ->
                issued != null && Instant.now().plus(MARGIN).isBefore(issued.expiresAt()) ? issued : issue(user, user))
                .token();
    }

    public String fetch(String user, String password) {
        return issue(user, password).token();
    }

    /** A token and when it expires (by this machine's clock, which is Keycloak's too). */
    private record Issued(String token, Instant expiresAt) {}

    private Issued issue(String user, String password) {
        String form = "grant_type=password&client_id=portal&username=" + encode(user) + "&password=" + encode(password);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(issuer + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + user + ": " + response.statusCode() + " " + response.body());
            }
            JsonNode answer = new ObjectMapper().readTree(response.body());
            return new Issued(answer.get("access_token").asText(),
                    Instant.now().plusSeconds(answer.path("expires_in").asLong(60)));
        } catch (Exception e) {
            throw new IllegalStateException("no token for " + user, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
