package io.convene.app.webhook;

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
 * The webhook receivers of the integration tests: one WireMock server on loopback, started once
 * per JVM. Every test context allow-lists exactly its {@code 127.0.0.1:<port>} (the egress
 * allow-list for tests), so every other loopback or private target stays refused.
 */
public final class TestReceivers {

    public static final WireMockServer SERVER = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        SERVER.start();
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop, "test-receivers-stop"));
    }

    private TestReceivers() {}

    public static String url(String path) {
        return "http://127.0.0.1:" + SERVER.port() + path;
    }

    /** Registered in META-INF/spring.factories. */
    public static final class Customizers implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                         List<ContextConfigurationAttributes> configAttributes) {
            return new AllowReceivers();
        }
    }

    /** Equal to every other, so it never splits the shared context cache. */
    private static final class AllowReceivers implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPropertyValues.of("convene.webhooks.egress.allowed-targets=127.0.0.1:" + SERVER.port()).applyTo(context);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof AllowReceivers;
        }

        @Override
        public int hashCode() {
            return AllowReceivers.class.hashCode();
        }
    }
}
