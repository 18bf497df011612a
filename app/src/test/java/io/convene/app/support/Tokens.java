package io.convene.app.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens from the real embedded Keycloak (password grant of the portal client; demo users). */
public final class Tokens {

    private static final Map<String, String> cache = new ConcurrentHashMap<>();
    private final String issuer;
    private final HttpClient http = HttpClient.newHttpClient();

    Tokens(String issuer) {
        this.issuer = issuer;
    }

    /** A token for a demo user, whose password is the user name. */
    public String of(String user) {
        return cache.computeIfAbsent(issuer + user, key -> fetch(user, user));
    }

    public String fetch(String user, String password) {
        String form = "grant_type=password&client_id=portal&username=" + encode(user) + "&password=" + encode(password);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(issuer + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + user + ": " + response.statusCode() + " " + response.body());
            }
            return new ObjectMapper().readTree(response.body()).get("access_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException("no token for " + user, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
