package io.convene.app.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.api.realtime.RealtimeEvents;
import io.convene.api.realtime.SocketGateway;
import io.convene.app.support.StackTestBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portal's path in a real browser: Debian's Chromium, driven by puppeteer-core
 * (app/src/test/browser/drive.mjs), loads a portal page (app/src/test/browser/page) from an allowed
 * origin, signs in with keycloak-js through Keycloak's login form, calls the REST API with
 * {@code fetch} and listens with socket.io-client's browser bundle; the same page from a foreign
 * origin is refused. The test stack allows {@code http://localhost:[*]} (application-test.yaml);
 * the pages are served from {@code http://localhost:<port>}, the foreign one from
 * {@code http://127.0.0.1:<port>}. Bob's page is kept as target/browser-artifacts/bob.png.
 */
class BrowserPortalIntegrationTest extends StackTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BROWSER = Path.of("src/test/browser").toAbsolutePath();
    private static final Path SCREENSHOT = Path.of("target/browser-artifacts/bob.png").toAbsolutePath();
    /** The portal client's access tokens live this long during the test, so Bob's expires mid-session. */
    private static final int TOKEN_LIFESPAN_SECONDS = 40;

    @Autowired
    SocketGateway gateway;
    @Autowired
    RealtimeEvents realtimeEvents;

    @Test
    void alice_calls_bob_from_her_browser_and_his_socket_hears_both_calls_across_a_token_refresh() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(realtimeEvents::isAssigned);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.deleteIfExists(SCREENSHOT);
        install();
        Map<String, Path> routes = Map.of("/", BROWSER.resolve("page"),
                "/keycloak-js/", BROWSER.resolve("node_modules/keycloak-js/lib"),
                "/socket.io-client/", BROWSER.resolve("node_modules/socket.io-client/dist"));
        Steps steps;
        String origin;
        try (PageServer pages = new PageServer(routes); PortalClientSettings portal = new PortalClientSettings(keycloak())) {
            origin = "http://localhost:" + pages.port();
            portal.allow(origin, TOKEN_LIFESPAN_SECONDS);
            steps = drive(Map.of("page", origin, "foreignPage", "http://127.0.0.1:" + pages.port(),
                    "api", "http://localhost:" + port, "socket", "http://localhost:" + gateway.port(),
                    "keycloak", keycloak(), "bob", BOB, "chromium", chromium(),
                    "screenshot", SCREENSHOT.toString(), "tokenLifespanSeconds", TOKEN_LIFESPAN_SECONDS));
        }

        // both signed in through Keycloak's own login form and came back to the page
        for (String user : List.of("bob", "alice")) {
            assertThat(steps.one("login_form", s -> user.equals(s.path("user").asText())).path("origin").asText())
                    .isEqualTo(keycloak());
            JsonNode signedIn = steps.one("signed_in", s -> user.equals(s.path("user").asText()));
            assertThat(signedIn.path("signedIn").asBoolean()).as(signedIn.toString()).isTrue();
            assertThat(signedIn.path("origin").asText()).isEqualTo(origin);
        }
        // the REST API answered Alice's page, and the page could read Location (an exposed header)
        assertThat(steps.one("alice_me", s -> true).path("id").asText()).isEqualTo(ALICE);
        JsonNode scheduled = steps.one("scheduled", s -> true);
        assertThat(scheduled.path("status").asInt()).as(scheduled.toString()).isEqualTo(201);
        assertThat(scheduled.path("location").asText())
                .isEqualTo("/api/meetings/" + scheduled.path("meetingId").asText());
        JsonNode first = steps.one("called", s -> s.path("n").asInt() == 1);
        JsonNode second = steps.one("called", s -> s.path("n").asInt() == 2);
        for (JsonNode call : List.of(first, second)) {
            assertThat(call.path("status").asInt()).as(call.toString()).isEqualTo(201);
            assertThat(call.path("location").asText()).isEqualTo("/api/calls/" + call.path("callId").asText());
        }
        assertThat(steps.one("hung_up", s -> s.path("n").asInt() == 1).path("status").asInt()).isEqualTo(204);

        // Bob's socket: ring 1, his token ran out (auth:expired, closed by the server), a fresh token, ring 2
        List<JsonNode> bob = StreamSupport.stream(steps.one("bob_events", s -> true).path("events").spliterator(), false)
                .toList();
        JsonNode ring1 = first(bob, e -> isCallIncoming(e, first.path("callId").asText()));
        JsonNode expired = first(bob, e -> "auth_expired".equals(e.path("type").asText()));
        JsonNode closed = first(bob, e -> "disconnect".equals(e.path("type").asText()));
        List<JsonNode> connects = bob.stream().filter(e -> "connect".equals(e.path("type").asText())).toList();
        JsonNode ring2 = first(bob, e -> isCallIncoming(e, second.path("callId").asText()));
        assertThat(expired.path("reason").asText()).isEqualTo("token_expired");
        assertThat(closed.path("reason").asText()).isEqualTo("io server disconnect");
        assertThat(connects).hasSizeGreaterThanOrEqualTo(2);
        assertThat(connects.get(1).path("iat").asLong()).as("reconnected with a refreshed token")
                .isGreaterThan(connects.get(0).path("iat").asLong());
        assertThat(ring1.path("at").asLong()).isLessThan(expired.path("at").asLong());
        assertThat(closed.path("at").asLong()).isGreaterThanOrEqualTo(expired.path("at").asLong());
        assertThat(connects.get(1).path("at").asLong()).isGreaterThan(closed.path("at").asLong());
        assertThat(ring2.path("at").asLong()).isGreaterThan(connects.get(1).path("at").asLong());
        assertThat(ring2.path("data").path("callerId").asText()).isEqualTo(ALICE);

        // the foreign origin: the fetch failed its CORS check, the socket never connected
        JsonNode foreign = steps.one("foreign", s -> true);
        assertThat(foreign.path("fetch").path("error").asText()).startsWith("TypeError");
        List<JsonNode> foreignEvents = StreamSupport.stream(foreign.path("events").spliterator(), false).toList();
        assertThat(foreignEvents).noneMatch(e -> "connect".equals(e.path("type").asText()));
        JsonNode refused = first(foreignEvents, e -> "connect_error".equals(e.path("type").asText()));
        assertThat(refused.path("code").isNull()).as("refused at the handshake, not for its token: " + refused).isTrue();
        assertThat(steps.all("console", s -> "foreign".equals(s.path("page").asText())))
                .anyMatch(s -> s.path("text").asText().contains("has been blocked by CORS policy")
                        && s.path("text").asText().contains("/api/me"));

        assertThat(steps.one("done", s -> true)).isNotNull();
        assertThat(SCREENSHOT).isRegularFile();
        assertThat(Files.size(SCREENSHOT)).isPositive();
    }

    @Test
    void keycloak_answers_the_portal_clients_default_origins_and_no_other() throws Exception {
        for (String allowed : List.of("http://localhost:3000", "http://localhost:8080")) {
            HttpResponse<String> token = tokenRequestFrom(allowed);
            assertThat(token.statusCode()).isEqualTo(200);
            assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).hasValue(allowed);
        }
        HttpResponse<String> foreign = tokenRequestFrom("http://127.0.0.1:3000");
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    /** A keycloak-js token request as a page of {@code origin} sends it (here: Alice's password grant). */
    private HttpResponse<String> tokenRequestFrom(String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=portal&username=alice&password=alice"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String keycloak() {
        return issuer.substring(0, issuer.indexOf("/realms/"));
    }

    private static boolean isCallIncoming(JsonNode event, String callId) {
        return "event".equals(event.path("type").asText()) && "call:incoming".equals(event.path("event").asText())
                && callId.equals(event.path("data").path("meetingId").asText());
    }

    private static JsonNode first(List<JsonNode> events, Predicate<JsonNode> what) {
        return events.stream().filter(what).findFirst()
                .orElseThrow(() -> new AssertionError("not among the page's events: " + events));
    }

    /** The driver's JSON lines. */
    private record Steps(List<JsonNode> lines) {
        List<JsonNode> all(String type, Predicate<JsonNode> what) {
            return lines.stream().filter(l -> type.equals(l.path("type").asText())).filter(what).toList();
        }

        JsonNode one(String type, Predicate<JsonNode> what) {
            return all(type, what).stream().findFirst()
                    .orElseThrow(() -> new AssertionError("no step " + type + "; the driver said: " + lines));
        }
    }

    /** Runs the driver to its end (its own waits time out well within the limit here). */
    private static Steps drive(Map<String, Object> config) throws Exception {
        Process node = new ProcessBuilder("node", "drive.mjs", JSON.writeValueAsString(config))
                .directory(BROWSER.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<JsonNode> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    System.out.println("[browser] " + line);
                    if (line.startsWith("{")) {
                        lines.add(JSON.readTree(line));
                    }
                }
            } catch (IOException ignored) {
                // the driver ended
            }
        }, "browser-driver-reader");
        reader.setDaemon(true);
        reader.start();
        boolean finished = node.waitFor(4, TimeUnit.MINUTES);
        if (!finished) {
            node.descendants().forEach(ProcessHandle::destroyForcibly); // its Chromium
            node.destroyForcibly();
        }
        reader.join(Duration.ofSeconds(10).toMillis());
        assertThat(finished).as("the driver ran over 4 minutes: " + lines).isTrue();
        assertThat(node.exitValue()).as("the driver failed: " + lines).isZero();
        return new Steps(List.copyOf(lines));
    }

    /** Debian's Chromium (apt package chromium; .ci/run installs it), or the one CHROMIUM names. */
    private static String chromium() throws Exception {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Process which = new ProcessBuilder("sh", "-c", "command -v chromium").start();
        String path = new String(which.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        which.waitFor(10, TimeUnit.SECONDS);
        assertThat(path).as("no chromium on PATH: apt-get install chromium (.ci/run does), or set CHROMIUM").isNotEmpty();
        return path;
    }

    /** {@code npm ci} when the lockfile's packages are not there yet. */
    private static synchronized void install() {
        if (List.of("puppeteer-core", "keycloak-js", "socket.io-client").stream()
                .allMatch(name -> Files.exists(BROWSER.resolve("node_modules/" + name + "/package.json")))) {
            return;
        }
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(BROWSER.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed in " + BROWSER);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
