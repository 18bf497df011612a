package io.convene.app.support;

import io.convene.api.realtime.SocketGateway;
import io.convene.app.ConveneApplication;
import io.convene.application.presence.PresenceSweep;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.config.ScheduledTask;

/**
 * A second Convene instance in this JVM: the same application class, configured the way a
 * production instance is — every service external (README, configuration): the first
 * instance's PostgreSQL, Kafka, S3 and Keycloak, so it starts no embedded server of its own —
 * with its own HTTP port, Socket.IO port, events consumer group and presence lease.
 *
 * <p>Two things only differ from a second JVM, because Camunda keeps them in JVM-wide statics:
 * the engine gets its own name ({@code ProcessEngines} registers engines by name, and closing a
 * second "default" would unregister the first one's, which its engine REST looks up), and the
 * Camunda webapps stay off (their runtime delegates are static; closing a second servlet context
 * would clear the first one's Cockpit). Camunda's {@code ClockUtil} is static too: both instances
 * read the same clock. Both run a job executor on the one database, as a cluster does.
 */
public final class SecondNode implements AutoCloseable {

    /** What a production instance is given to use the shared stack instead of embedded servers. */
    private static final List<String> SHARED_STACK = List.of(
            "spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
            "spring.kafka.bootstrap-servers",
            "convene.storage.endpoint", "convene.storage.access-key", "convene.storage.secret-key",
            "convene.identity.issuer-uri", "convene.identity.admin-client-secret",
            "convene.conference.jitsi.app-secret", "convene.portal.url",
            "convene.webhooks.keyset-file", "convene.webhooks.egress.allowed-targets");

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts an instance on the stack that {@code first} (the tests' shared context) uses;
     * {@code settings} ({@code --key=value}) are its own.
     */
    public static SecondNode sharingStackOf(Environment first, String... settings) {
        List<String> args = new ArrayList<>(sharedStackArguments(first));
        args.add("--server.port=0");
        args.add("--convene.realtime.port=0");
        args.add("--camunda.bpm.process-engine-name=node2");
        args.add("--camunda.bpm.webapp.enabled=false");
        args.addAll(List.of(settings));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ConveneApplication.class)
                .main(ConveneApplication.class)
                .profiles("test")
                .bannerMode(Banner.Mode.OFF)
                .registerShutdownHook(false)
                .run(args.toArray(String[]::new));
        return new SecondNode(context);
    }

    /** {@code --key=value} of every setting that points an instance at {@code first}'s stack. */
    public static List<String> sharedStackArguments(Environment first) {
        List<String> args = new ArrayList<>();
        for (String key : SHARED_STACK) {
            String value = first.getProperty(key);
            if (value != null) {
                args.add("--" + key + "=" + value);
            }
        }
        return args;
    }

    public int httpPort() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The Socket.IO URL of this instance. */
    public String socketUrl() {
        return "http://127.0.0.1:" + context.getBean(SocketGateway.class).port();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * The instance hangs the way a dead one looks from outside: its scheduled work stops — no
     * presence lease renewal, no sweep, no outbox relay — and nothing is cleaned up.
     */
    public void stopScheduledWork() {
        context.getBean(ScheduledAnnotationBeanPostProcessor.class).getScheduledTasks().forEach(ScheduledTask::cancel);
        PresenceSweep sweep = context.getBean(PresenceSweep.class);
        synchronized (sweep) {
            // sweep() is synchronized: a sweep that was running when the work stopped has finished
            // (its lease renewal written) once this monitor is ours; none starts after it
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
