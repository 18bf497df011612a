package io.convene.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.api.security.WebProperties;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** application.yaml's one origins setting: CONVENE_ALLOWED_ORIGINS, its old name CONVENE_REALTIME_ORIGINS, the default. */
class AllowedOriginsSettingTest {

    @Test
    void without_either_variable_the_local_portal_origins_are_allowed() throws Exception {
        assertThat(allowedOrigins(Map.of())).containsExactly("http://localhost:3000", "http://localhost:8080");
    }

    @Test
    void convene_allowed_origins_sets_the_list() throws Exception {
        assertThat(allowedOrigins(Map.of("CONVENE_ALLOWED_ORIGINS", "https://portal.example.org,https://*.example.org")))
                .containsExactly("https://portal.example.org", "https://*.example.org");
    }

    @Test
    void the_former_realtime_variable_still_sets_it_for_the_api_too() throws Exception {
        assertThat(allowedOrigins(Map.of("CONVENE_REALTIME_ORIGINS", "https://old.example.org")))
                .containsExactly("https://old.example.org");
    }

    @Test
    void the_new_variable_wins_over_the_former_one() throws Exception {
        assertThat(allowedOrigins(Map.of("CONVENE_ALLOWED_ORIGINS", "https://new.example.org",
                "CONVENE_REALTIME_ORIGINS", "https://old.example.org"))).containsExactly("https://new.example.org");
    }

    private static List<String> allowedOrigins(Map<String, Object> environmentVariables) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("env", environmentVariables));
        new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
                .forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment).bindOrCreate("convene.web", WebProperties.class).allowedOrigins();
    }
}
