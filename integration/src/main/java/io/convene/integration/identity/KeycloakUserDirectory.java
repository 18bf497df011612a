package io.convene.integration.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.domain.user.DirectoryUser;
import io.convene.domain.user.UserDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The portal's users, read from Keycloak's Admin REST API as the service account of the confidential
 * client {@code convene-backend} (realm-management roles {@code view-users}, {@code query-users}).
 * The API resolves user ids on many requests, so {@link #find} answers from a small cache (Caffeine):
 * users found for 60 s, ids Keycloak does not know for 10 s — so a list of unknown ids sent again and
 * again costs Keycloak one look-up per id, while a user created a moment ago is known within seconds.
 */
@Component
class KeycloakUserDirectory implements UserDirectory {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final Duration FOUND_USERS_TTL = Duration.ofSeconds(60);
    static final Duration UNKNOWN_IDS_TTL = Duration.ofSeconds(10);
    private static final int FOUND_USERS_MAX = 1_000;
    private static final int UNKNOWN_IDS_MAX = 10_000;

    private final AdminApi keycloak;
    private final Cache<String, DirectoryUser> foundUsers;
    private final Cache<String, Boolean> unknownIds;

    @Autowired
    KeycloakUserDirectory(@Value("${convene.identity.issuer-uri}") String issuerUri,
                          @Value("${convene.identity.admin-client-id:convene-backend}") String clientId,
                          @Value("${convene.identity.admin-client-secret:}") String clientSecret,
                          ObjectMapper json) {
        this(issuerUri, clientId, clientSecret, json, Clock.systemUTC());
    }

    KeycloakUserDirectory(String issuerUri, String clientId, String clientSecret, ObjectMapper json, Clock clock) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
        this.keycloak = new AdminApi(http, json, clock, issuerUri, clientId, clientSecret);
        this.foundUsers = Caffeine.newBuilder().ticker(() -> clock.millis() * 1_000_000L)
                .expireAfterWrite(FOUND_USERS_TTL).maximumSize(FOUND_USERS_MAX).build();
        this.unknownIds = Caffeine.newBuilder().ticker(() -> clock.millis() * 1_000_000L)
                .expireAfterWrite(UNKNOWN_IDS_TTL).maximumSize(UNKNOWN_IDS_MAX).build();
    }

    @Override
    public Optional<DirectoryUser> find(String userId) {
        if (userId == null || userId.isBlank() || userId.equals(".") || userId.equals("..")) {
            return Optional.empty();
        }
        DirectoryUser cached = foundUsers.getIfPresent(userId);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (unknownIds.getIfPresent(userId) != null) {
            return Optional.empty();
        }
        Optional<DirectoryUser> user = keycloak.getUser(userId).map(KeycloakUserDirectory::toUser)
                .filter(KeycloakUserDirectory::isPerson);
        // misses are kept briefly: a user created a moment ago must not stay "unknown" for a minute;
        // errors are not kept at all (they are exceptions)
        user.ifPresentOrElse(found -> foundUsers.put(userId, found), () -> unknownIds.put(userId, Boolean.TRUE));
        return user;
    }

    @Override
    public List<DirectoryUser> search(String query, int max) {
        if (max < 1) {
            return List.of();
        }
        List<DirectoryUser> users = new ArrayList<>();
        for (JsonNode user : keycloak.searchUsers(query == null ? "" : query.strip(), max)) {
            DirectoryUser found = toUser(user);
            if (isPerson(found)) {
                users.add(found);
            }
        }
        return List.copyOf(users);
    }

    /** Service accounts (our own backend client's, for one) are not portal users. */
    private static boolean isPerson(DirectoryUser user) {
        return user.username() == null || !user.username().startsWith("service-account-");
    }

    static DirectoryUser toUser(JsonNode user) {
        String username = text(user, "username");
        String name = (orEmpty(text(user, "firstName")) + " " + orEmpty(text(user, "lastName"))).trim();
        return new DirectoryUser(text(user, "id"), username, name.isEmpty() ? username : name, text(user, "email"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /**
     * Keycloak's token endpoint and Admin REST API. The service-account token is kept until shortly
     * before it expires; one caller fetches it while the others wait for it.
     */
    static final class AdminApi {

        private static final Duration TOKEN_EARLY_REFRESH = Duration.ofSeconds(30);

        private final HttpClient http;
        private final ObjectMapper json;
        private final Clock clock;
        private final URI tokenUri;
        private final String usersUri;
        private final String clientId;
        private final String clientSecret;
        private Token token;

        AdminApi(HttpClient http, ObjectMapper json, Clock clock, String issuerUri, String clientId,
                 String clientSecret) {
            this.http = http;
            this.json = json;
            this.clock = clock;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            String issuer = issuerUri == null ? "" : issuerUri.replaceAll("/+$", "");
            int at = issuer.lastIndexOf("/realms/");
            String realm = at < 0 ? "" : issuer.substring(at + "/realms/".length());
            if (!issuer.matches("https?://.+") || realm.isEmpty() || realm.contains("/")) {
                throw new IllegalArgumentException("convene.identity.issuer-uri must look like "
                        + "http(s)://host[:port][/prefix]/realms/{realm}, but is '" + issuerUri + "'");
            }
            this.tokenUri = URI.create(issuer + "/protocol/openid-connect/token");
            this.usersUri = issuer.substring(0, at) + "/admin/realms/" + realm + "/users";
        }

        Optional<JsonNode> getUser(String id) {
            String what = "read user " + id;
            HttpResponse<String> response = get(URI.create(usersUri + "/" + encode(id)), what);
            return response.statusCode() == 404 ? Optional.empty() : Optional.of(parse(requireOk(response, what)));
        }

        List<JsonNode> searchUsers(String query, int max) {
            String what = "search users for '" + query + "'";
            URI uri = URI.create(usersUri + "?search=" + encode(query) + "&max=" + max + "&briefRepresentation=true");
            JsonNode users = parse(requireOk(get(uri, what), what));
            if (!users.isArray()) {
                throw new KeycloakAdminException("Keycloak did not answer '" + what + "' with a list of users");
            }
            List<JsonNode> list = new ArrayList<>();
            users.forEach(list::add);
            return list;
        }

        private HttpResponse<String> get(URI uri, String what) {
            String bearer = accessToken();
            HttpResponse<String> response = send(authorized(uri, bearer), what);
            if (response.statusCode() == 401) {
                // the token was revoked or Keycloak forgot its session: one fresh token, one retry
                forget(bearer);
                response = send(authorized(uri, accessToken()), what);
            }
            return response;
        }

        private HttpRequest authorized(URI uri, String bearer) {
            return HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + bearer)
                    .header("Accept", "application/json")
                    .GET().build();
        }

        private synchronized String accessToken() {
            if (token == null || !clock.instant().isBefore(token.refreshAt())) {
                token = fetchToken();
            }
            return token.value();
        }

        private synchronized void forget(String stale) {
            if (token != null && token.value().equals(stale)) {
                token = null;
            }
        }

        private Token fetchToken() {
            if (clientSecret == null || clientSecret.isBlank()) {
                throw new KeycloakAdminException("convene.identity.admin-client-secret is not set: the directory "
                        + "needs the secret of the Keycloak client '" + clientId + "' (CONVENE_BACKEND_CLIENT_SECRET)");
            }
            String form = "grant_type=client_credentials&client_id=" + encode(clientId)
                    + "&client_secret=" + encode(clientSecret);
            HttpRequest request = HttpRequest.newBuilder(tokenUri).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            String what = "get a service-account token for client '" + clientId + "'";
            JsonNode answer = parse(requireOk(send(request, what), what));
            String value = answer.path("access_token").asText("");
            if (value.isEmpty()) {
                throw new KeycloakAdminException("Keycloak's token endpoint " + tokenUri + " answered without an access_token");
            }
            Duration lifetime = Duration.ofSeconds(Math.max(answer.path("expires_in").asLong(60), 1));
            Duration early = lifetime.dividedBy(2).compareTo(TOKEN_EARLY_REFRESH) < 0
                    ? lifetime.dividedBy(2) : TOKEN_EARLY_REFRESH;
            return new Token(value, clock.instant().plus(lifetime).minus(early));
        }

        private HttpResponse<String> send(HttpRequest request, String what) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new KeycloakAdminException("Keycloak did not answer '" + what + "' (" + request.method() + " "
                        + request.uri() + ", timeout " + TIMEOUT.toSeconds() + " s): " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeycloakAdminException("interrupted while waiting for Keycloak to " + what, e);
            }
        }

        private String requireOk(HttpResponse<String> response, String what) {
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            String hint = switch (status) {
                case 400, 401 -> " (check convene.identity.admin-client-id and admin-client-secret against the realm)";
                case 403 -> " (the service account of '" + clientId + "' needs realm-management view-users and query-users)";
                default -> "";
            };
            String body = response.body() == null ? "" : response.body().strip();
            throw new KeycloakAdminException("Keycloak answered " + status + " to '" + what + "' ("
                    + response.request().method() + " " + response.request().uri() + ")" + hint
                    + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body)));
        }

        private JsonNode parse(String body) {
            try {
                return json.readTree(body);
            } catch (JsonProcessingException e) {
                throw new KeycloakAdminException("Keycloak answered with JSON the directory cannot read", e);
            }
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        }

        private record Token(String value, Instant refreshAt) {
        }
    }

    /** Keycloak did not answer, or answered with an error the directory cannot turn into a result. */
    static final class KeycloakAdminException extends RuntimeException {

        KeycloakAdminException(String message) {
            super(message);
        }

        KeycloakAdminException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
