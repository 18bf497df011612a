package io.convene.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The embedded default's Jitsi app secret: made once per data folder, so joins of JITSI meetings and
 * calls work out of the box and a Jitsi pointed at the same secret keeps trusting our tokens.
 * External servers are configured here, so the initializer starts none and only makes the secret.
 */
class EmbeddedJitsiSecretTest {

    private static final String SECRET = "convene.conference.jitsi.app-secret";

    @TempDir
    Path data;

    @Test
    void a_fresh_data_folder_gets_a_jitsi_secret_that_the_app_is_configured_with() throws Exception {
        StandardEnvironment env = initialize(Map.of());

        String secret = env.getProperty(SECRET);
        Path file = data.resolve("jitsi/app-secret");
        assertThat(secret).matches("[0-9a-f]{64}"); // 32 random bytes: HS256 wants at least 32
        assertThat(Files.readString(file)).isEqualTo(secret);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void a_restart_on_the_same_data_folder_finds_the_same_secret() {
        String first = initialize(Map.of()).getProperty(SECRET);

        String second = initialize(Map.of()).getProperty(SECRET);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void another_data_folder_gets_another_secret(@TempDir Path other) {
        String first = initialize(Map.of()).getProperty(SECRET);

        String second = initialize(Map.of("convene.data-dir", other.toString())).getProperty(SECRET);

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void a_configured_secret_wins_and_nothing_is_written() {
        StandardEnvironment env = initialize(Map.of(SECRET, "from-the-environment-of-at-least-32-bytes"));

        assertThat(env.getProperty(SECRET)).isEqualTo("from-the-environment-of-at-least-32-bytes");
        assertThat(data.resolve("jitsi")).doesNotExist();
    }

    @Test
    void an_empty_placeholder_counts_as_not_configured() {
        StandardEnvironment env = initialize(Map.of(SECRET, ""));

        assertThat(env.getProperty(SECRET)).hasSize(64);
    }

    @Test
    void the_prod_profile_makes_no_secret() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", settings(Map.of())));
        env.setActiveProfiles("prod");

        new EmbeddedServicesInitializer().initialize(context(env));

        assertThat(env.getProperty(SECRET)).isNull();
        assertThat(data.resolve("jitsi")).doesNotExist();
    }

    private StandardEnvironment initialize(Map<String, Object> extra) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", settings(extra)));
        new EmbeddedServicesInitializer().initialize(context(env));
        return env;
    }

    /** Every server external: the initializer starts none. */
    private Map<String, Object> settings(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                "convene.data-dir", data.toString(),
                "spring.datasource.url", "jdbc:postgresql://db.example:5432/convene",
                "spring.kafka.bootstrap-servers", "kafka.example:9092",
                "convene.storage.endpoint", "http://s3.example:9000",
                "convene.identity.issuer-uri", "https://sso.example/realms/convene"));
        settings.putAll(extra);
        return settings;
    }

    private static GenericApplicationContext context(StandardEnvironment env) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(env);
        return context;
    }
}
