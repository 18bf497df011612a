package io.convene.app.call;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The business portal of the integration tests: a WireMock server playing its thread API
 * ({@code GET /api/threads/{threadId}/members}), started once per JVM. Every test context gets
 * {@code convene.portal.url} pointing at it (META-INF/spring.factories), so the one shared stack
 * asks it who is in a thread. A thread nobody stubbed is unknown to it (404).
 */
public final class TestPortal {

    private static final WireMockServer SERVER = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        SERVER.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop, "test-portal-stop"));
    }

    private TestPortal() {}

    /** The portal says these users are the members of {@code threadId}. */
    public static void thread(String threadId, String... memberIds) {
        SERVER.stubFor(get(urlEqualTo(path(threadId))).willReturn(okJson(List.of(memberIds).stream()
                .map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]")))));
    }

    /** The portal says {@code userId} shares a conversation or channel with these users. */
    public static void peers(String userId, String... peerIds) {
        SERVER.stubFor(get(urlEqualTo("/api/users/" + userId + "/peers")).willReturn(okJson(List.of(peerIds).stream()
                .map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]")))));
    }

    /** How often the portal was asked for {@code userId}'s peers. */
    public static int peerRequests(String userId) {
        return SERVER.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlEqualTo("/api/users/" + userId + "/peers"))).size();
    }

    /** The portal is down for {@code threadId}: the connection breaks. */
    public static void down(String threadId) {
        SERVER.stubFor(get(urlEqualTo(path(threadId))).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    static int requests(String threadId) {
        return SERVER.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo(path(threadId))))
                .size();
    }

    private static String path(String threadId) {
        return "/api/threads/" + threadId + "/members";
    }

    /** Registered in META-INF/spring.factories. */
    public static final class Customizers implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configAttributes) {
            return new PortalUrl();
        }
    }

    /** Equal to every other, so it never splits the shared context cache. */
    private static final class PortalUrl implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPropertyValues.of("convene.portal.url=http://127.0.0.1:" + SERVER.port()).applyTo(context);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PortalUrl;
        }

        @Override
        public int hashCode() {
            return PortalUrl.class.hashCode();
        }
    }
}
