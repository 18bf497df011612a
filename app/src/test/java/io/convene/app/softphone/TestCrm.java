package io.convene.app.softphone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The portal's CRM in the integration tests: a WireMock server playing its contact API
 * ({@code GET /api/contacts/by-phone/{e164}}), started once per JVM; every test context gets
 * {@code convene.crm.url} pointing at it (META-INF/spring.factories). A number nobody stubbed is
 * unknown to it (404).
 */
public final class TestCrm {

    static final WireMockServer SERVER = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    /** The ringing event waits at most this long for the CRM in the tests (as in the default configuration). */
    static final int BUDGET_MS = 300;

    static {
        SERVER.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop, "test-crm-stop"));
    }

    private TestCrm() {}

    /** The CRM knows {@code e164} as this contact. */
    static void contact(String e164, String id, String name) {
        SERVER.stubFor(get(urlMatching(path(e164))).willReturn(okJson("{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}")));
    }

    /** The CRM hangs on {@code e164}: it answers only after {@code millis}. */
    static void hangs(String e164, int millis) {
        SERVER.stubFor(get(urlMatching(path(e164))).willReturn(okJson("{\"id\":\"late\",\"name\":\"Too Late\"}")
                .withFixedDelay(millis)));
    }

    /** The CRM fails on {@code e164}. */
    static void fails(String e164) {
        SERVER.stubFor(get(urlMatching(path(e164))).willReturn(aResponse().withStatus(500)));
    }

    static int requests(String e164) {
        return SERVER.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlMatching(path(e164)))).size();
    }

    private static String path(String e164) {
        return "/api/contacts/by-phone/%2B" + e164.substring(1);
    }

    /** Registered in META-INF/spring.factories. */
    public static final class Customizers implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configAttributes) {
            return new CrmUrl();
        }
    }

    /** Equal to every other, so it never splits the shared context cache. */
    private static final class CrmUrl implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPropertyValues.of("convene.crm.url=http://127.0.0.1:" + SERVER.port(),
                    "convene.softphone.contact-lookup-budget=" + BUDGET_MS + "ms").applyTo(context);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CrmUrl;
        }

        @Override
        public int hashCode() {
            return CrmUrl.class.hashCode();
        }
    }
}
