package io.convene.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default. Before the application context is built, starts every
 * server the configuration does not point elsewhere — PostgreSQL, Kafka, S3,
 * Keycloak — and adds the properties that point the app at them. A service is
 * external as soon as its setting is given ({@code spring.datasource.url},
 * {@code spring.kafka.bootstrap-servers}, {@code convene.storage.endpoint},
 * {@code convene.identity.issuer-uri}); the {@code prod} profile refuses to
 * start any embedded server at all. Secrets a feature needs and nobody configured
 * (the Jitsi app secret) are made once per data folder — never in {@code prod}.
 */
public class EmbeddedServicesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    private static final Log log = LogFactory.getLog(EmbeddedServicesInitializer.class);
    public static final String PROPERTY_SOURCE = "conveneEmbedded";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (env.getPropertySources().contains(PROPERTY_SOURCE)) {
            return; // a child context sees the parent's services
        }
        List<String> missing = missingExternalSettings(env);
        if (Arrays.asList(env.getActiveProfiles()).contains("prod")) {
            if (!missing.isEmpty()) {
                throw new IllegalStateException("The prod profile starts no embedded service; configure "
                        + String.join(", ", missing) + " (see README, configuration).");
            }
            return;
        }
        if (!env.getProperty("convene.embedded.enabled", Boolean.class, true)) {
            return;
        }
        Map<String, Object> properties = new HashMap<>(secrets(env));
        List<EmbeddedService> wanted = wanted(env);
        if (wanted.isEmpty()) {
            addFirst(env, properties);
            return;
        }
        EmbeddedServices services = new EmbeddedServices(wanted);
        properties.putAll(services.startAll());
        properties.put("convene.embedded.running", String.join(",", wanted.stream().map(EmbeddedService::name).toList()));
        addFirst(env, properties);
        // registered first, so destroyed last: after the engine, the pools and the clients are closed
        context.getBeanFactory().registerSingleton("embeddedServices", services);
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("embeddedServices", services);
    }

    /**
     * Secrets a feature needs that nobody configured, made once per data folder, so every
     * feature works out of the box: the Jitsi app secret (joins of JITSI meetings and calls) and
     * the keysets that encrypt webhook secrets ({@code <data-dir>/webhooks/keyset.json}) and SIP
     * passwords ({@code <data-dir>/sip/keyset.json}).
     */
    private static Map<String, Object> secrets(ConfigurableEnvironment env) {
        Path dataDir = dataDir(env);
        try {
            Map<String, Object> secrets = new HashMap<>(DataDirSecrets.jitsi(env, dataDir));
            if (!secrets.isEmpty()) {
                log.info("Jitsi app secret: the embedded default's, in " + dataDir.resolve(DataDirSecrets.JITSI_SECRET_FILE)
                        + " (set JITSI_APP_SECRET to use another)");
            }
            secrets.putAll(DataDirSecrets.webhookKeyset(env, dataDir));
            secrets.putAll(DataDirSecrets.sipKeyset(env, dataDir));
            return secrets;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the Jitsi app secret under " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void addFirst(ConfigurableEnvironment env, Map<String, Object> properties) {
        if (!properties.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        }
    }

    private static Path dataDir(ConfigurableEnvironment env) {
        return Path.of(env.getProperty("convene.data-dir", "var")).toAbsolutePath().normalize();
    }

    private static List<String> missingExternalSettings(ConfigurableEnvironment env) {
        Map<String, String> settings = Map.of(
                "spring.datasource.url", "SPRING_DATASOURCE_URL",
                "spring.kafka.bootstrap-servers", "SPRING_KAFKA_BOOTSTRAP_SERVERS",
                "convene.storage.endpoint", "CONVENE_STORAGE_ENDPOINT",
                "convene.identity.issuer-uri", "CONVENE_IDENTITY_ISSUER_URI");
        return settings.entrySet().stream()
                .filter(setting -> !env.containsProperty(setting.getKey()))
                .map(Map.Entry::getValue)
                .sorted()
                .toList();
    }

    private List<EmbeddedService> wanted(ConfigurableEnvironment env) {
        List<EmbeddedService> services = new ArrayList<>();
        Path dataDir = dataDir(env);
        if (!env.containsProperty("convene.identity.issuer-uri")) {
            int port = Ports.resolve(env.getProperty("convene.embedded.keycloak.port", Integer.class, 8180));
            int managementPort = Ports.resolve(env.getProperty("convene.embedded.keycloak.management-port", Integer.class, 0));
            services.add(new EmbeddedKeycloakService(
                    Path.of(env.getRequiredProperty("convene.embedded.keycloak.distribution")),
                    dataDir.resolve("keycloak"), port, managementPort,
                    env.getProperty("convene.embedded.keycloak.realm", "keycloak/realm-convene.json"),
                    env.getProperty("convene.embedded.keycloak.start-timeout", Duration.class, Duration.ofMinutes(3))));
        }
        if (!env.containsProperty("spring.datasource.url")) {
            services.add(new EmbeddedPostgresService(dataDir.resolve("postgres"),
                    Ports.resolve(env.getProperty("convene.embedded.postgres.port", Integer.class, 5433)),
                    env.getProperty("convene.embedded.postgres.durable", Boolean.class, true)));
        }
        if (!env.containsProperty("spring.kafka.bootstrap-servers")) {
            services.add(new EmbeddedKafkaService(dataDir.resolve("kafka"),
                    Ports.resolve(env.getProperty("convene.embedded.kafka.port", Integer.class, 9092)),
                    Ports.resolve(env.getProperty("convene.embedded.kafka.controller-port", Integer.class, 0))));
        }
        if (!env.containsProperty("convene.storage.endpoint")) {
            services.add(new EmbeddedS3Service(dataDir.resolve("s3"),
                    Ports.resolve(env.getProperty("convene.embedded.s3.port", Integer.class, 9000))));
        }
        if (!services.isEmpty()) {
            log.info("Embedded default: starting " + services.stream().map(EmbeddedService::name).toList()
                    + " with data under " + dataDir);
        }
        return services;
    }
}
