package io.convene.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrowserOriginsTest {

    @Test
    void exact_origins_allow_only_themselves() {
        BrowserOrigins origins = new BrowserOrigins(List.of("http://localhost:3000", " https://portal.example.org/ "));

        assertThat(origins.allows("http://localhost:3000")).isTrue();
        assertThat(origins.allows("https://portal.example.org")).isTrue();
        assertThat(origins.allows("http://localhost:3001")).isFalse();
        assertThat(origins.allows("http://127.0.0.1:3000")).isFalse();
        assertThat(origins.allows("http://portal.example.org")).isFalse();
        assertThat(origins.allows("https://portal.example.org.evil.test")).isFalse();
        assertThat(origins.allows(null)).isFalse();
    }

    @Test
    void patterns_are_springs_origin_patterns() {
        BrowserOrigins origins = new BrowserOrigins(List.of("http://localhost:[*]", "https://*.example.org"));

        assertThat(origins.allows("http://localhost:41234")).isTrue();
        assertThat(origins.allows("https://app.example.org")).isTrue();
        assertThat(origins.allows("http://127.0.0.1:41234")).isFalse();
        assertThat(origins.allows("https://example.org.evil.test")).isFalse();
        assertThat(origins.single()).isEmpty();
    }

    @Test
    void one_exact_origin_is_named_to_the_socket_server() {
        assertThat(new BrowserOrigins(List.of("https://portal.example.org")).single()).hasValue("https://portal.example.org");
        assertThat(new BrowserOrigins(List.of("http://localhost:3000", "http://localhost:8080")).single()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "localhost:3000", "https://portal.example.org/app", "ftp://example.org", "null"})
    void anything_but_an_origin_stops_the_start(String origin) {
        assertThatThrownBy(() -> new BrowserOrigins(List.of("http://localhost:3000", origin)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("convene.web.allowed-origins");
    }

    @Test
    void answers_expose_the_paging_and_location_headers_and_send_no_credentials() {
        var cors = new BrowserOrigins(List.of("http://localhost:3000")).getCorsConfiguration(null);

        assertThat(cors.getExposedHeaders()).containsExactly("Location", "Link", "X-Total-Count", "Retry-After");
        assertThat(cors.getAllowedHeaders()).contains("Authorization", "Content-Type", Callers.INVITATION_TOKEN_HEADER);
        assertThat(cors.getAllowCredentials()).isFalse();
    }
}
