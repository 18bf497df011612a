package io.convene.app.support;

import io.convene.embedded.EmbeddedServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the integration tests: the stack, an HTTP client, tokens from the real Keycloak. */
@StackTest
public abstract class StackTestBase {

    static {
        // each run starts from empty data; the context (and so the stack) is created once per JVM
        deleteRecursively(Path.of("target/it-data"));
    }

    @LocalServerPort
    protected int port;
    @Value("${convene.identity.issuer-uri}")
    protected String issuer;
    @Autowired
    protected EmbeddedServices embedded;

    protected final HttpClient http = HttpClient.newHttpClient();
    protected Tokens tokens;

    @BeforeEach
    void awaitStack() throws Exception {
        embedded.awaitReady(); // Keycloak boots in the background
        tokens = new Tokens(issuer);
    }

    protected URI api(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> post(String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api(path))
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api(path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Demo users' ids (keycloak/realm-convene.json). */
    protected static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    protected static final String BOB = "b0b00000-0000-4000-8000-000000000002";
    protected static final String CAROL = "ca201000-0000-4000-8000-000000000003";
    protected static final String DAVE = "da4e0000-0000-4000-8000-000000000004";
    protected static final String ADMIN = "ad010000-0000-4000-8000-000000000005";

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
