package io.convene.app.webhook;

import io.convene.app.ConveneApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another Convene instance in this JVM, on the stack of the tests' shared context — configured
 * as a production instance is, every service external (its PostgreSQL, Kafka, S3, Keycloak), so
 * it starts no server of its own; with the same webhook keyset and egress allow-list, and in the
 * same {@code convene-webhooks} consumer group. Closing it is a graceful shutdown (as on SIGTERM);
 * starting another is the node coming back.
 *
 * <p>Camunda keeps two things in JVM-wide statics, so this instance differs from a second JVM
 * there only: its engine has its own name (closing a second "default" would unregister the
 * shared context's), and the Camunda webapps stay off (their runtime delegates are static).
 */
final class AnotherNode implements AutoCloseable {

    private static final List<String> SHARED_STACK = List.of(
            "spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
            "spring.kafka.bootstrap-servers",
            "convene.storage.endpoint", "convene.storage.access-key", "convene.storage.secret-key",
            "convene.identity.issuer-uri", "convene.identity.admin-client-secret",
            "convene.conference.jitsi.app-secret", "convene.portal.url",
            "convene.webhooks.keyset-file", "convene.webhooks.egress.allowed-targets");

    private final ConfigurableApplicationContext context;

    private AnotherNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance on {@code first}'s stack; {@code settings} ({@code --key=value}) are its own. */
    static AnotherNode start(Environment first, String... settings) {
        List<String> args = new ArrayList<>();
        for (String key : SHARED_STACK) {
            String value = first.getProperty(key);
            if (value != null) {
                args.add("--" + key + "=" + value);
            }
        }
        args.add("--server.port=0");
        args.add("--convene.realtime.port=0");
        args.add("--camunda.bpm.process-engine-name=anotherNode");
        args.add("--camunda.bpm.webapp.enabled=false");
        args.addAll(List.of(settings));
        return new AnotherNode(new SpringApplicationBuilder(ConveneApplication.class)
                .main(ConveneApplication.class)
                .profiles("test")
                .bannerMode(Banner.Mode.OFF)
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new)));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
