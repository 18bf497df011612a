package io.convene.integration.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class WebhookEgressPropertiesTest {

    @Test
    void the_prod_profile_with_an_allow_list_fails_fast() {
        WebhookEgressProperties withAllowList = new WebhookEgressProperties(true, List.of("127.0.0.1:8089"),
                Duration.ofSeconds(5), Duration.ofSeconds(15), DataSize.ofKilobytes(1), Duration.ofHours(1), 256,
                Duration.ofSeconds(30));

        assertThatThrownBy(() -> withAllowList.requireSafeFor(List.of("prod")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("convene.webhooks.egress.allowed-targets must be empty in the prod profile");
        assertThatCode(() -> withAllowList.requireSafeFor(List.of("test"))).doesNotThrowAnyException();
    }

    @Test
    void the_prod_profile_without_https_fails_fast() {
        assertThatThrownBy(() -> WebhookEgressProperties.defaults().requireSafeFor(List.of("prod")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("convene.webhooks.egress.require-https must be true in the prod profile");
    }

    @Test
    void binding_nothing_gives_the_documented_defaults() {
        WebhookEgressProperties bound = bind(new MapConfigurationPropertySource());

        assertThat(bound).isEqualTo(WebhookEgressProperties.defaults());
        assertThat(bound.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(bound.callTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(bound.responseExcerptBytes()).isEqualTo(1024);
        assertThat(bound.maxRetryAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(bound.allowedTargets()).isEmpty();
    }

    @Test
    void an_allow_list_from_the_environment_drops_blanks() {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        source.put("convene.webhooks.egress.allowed-targets", "127.0.0.1:8089, ,[::1]:8089,");

        assertThat(bind(source).allowedTargets()).containsExactly("127.0.0.1:8089", "[::1]:8089");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:", ":8089", "127.0.0.1:http", "127.0.0.1:70000", "::1:8089"})
    void a_malformed_allow_list_entry_fails_at_startup(String entry) {
        assertThatThrownBy(() -> new WebhookEgressProperties(false, List.of(entry), Duration.ofSeconds(5),
                Duration.ofSeconds(15), DataSize.ofKilobytes(1), Duration.ofHours(1), 256, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host:port");
    }

    private static WebhookEgressProperties bind(MapConfigurationPropertySource source) {
        return new Binder(source).bindOrCreate("convene.webhooks.egress", WebhookEgressProperties.class);
    }
}
