package io.convene.app.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The realm's {@code portal} client, changed for one test through Keycloak's admin REST API (the
 * embedded Keycloak's master admin) and put back as it was: one more origin (the test page's port is
 * only known at run time) and a short access-token lifespan.
 */
final class PortalClientSettings implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIFESPAN = "access.token.lifespan";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String keycloak;
    private final JsonNode original;
    private final String id;

    /** {@code keycloak}: its base URL, e.g. http://localhost:8180. */
    PortalClientSettings(String keycloak) throws Exception {
        this.keycloak = keycloak;
        JsonNode found = JSON.readTree(send(HttpRequest.newBuilder(
                URI.create(keycloak + "/admin/realms/convene/clients?clientId=portal")).GET(), 200));
        this.original = found.get(0);
        this.id = original.get("id").asText();
    }

    /** Adds {@code origin} to the web origins and {@code origin/*} to the redirect URIs; sets the token lifespan. */
    void allow(String origin, int accessTokenLifespanSeconds) throws Exception {
        ObjectNode changed = original.deepCopy();
        ((ArrayNode) changed.withArray("/webOrigins")).add(origin);
        ((ArrayNode) changed.withArray("/redirectUris")).add(origin + "/*");
        changed.withObject("/attributes").put(LIFESPAN, Integer.toString(accessTokenLifespanSeconds));
        put(changed);
    }

    /** Puts the client back; then tokens get the realm's lifespan again (other tests cache theirs). */
    @Override
    public void close() throws Exception {
        ObjectNode restored = original.deepCopy();
        // an attribute left out of a PUT is kept as it is; an empty one means "the realm's lifespan"
        restored.withObject("/attributes").put(LIFESPAN, original.path("attributes").path(LIFESPAN).asText(""));
        put(restored);
    }

    private void put(JsonNode client) throws Exception {
        send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/convene/clients/" + id))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))), 204);
    }

    private String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + adminToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("Keycloak admin API: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** The embedded Keycloak's master admin (EmbeddedKeycloakService: kcadmin, demo only). */
    private String adminToken() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username=kcadmin&password=kcadmin"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no Keycloak admin token: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }
}
