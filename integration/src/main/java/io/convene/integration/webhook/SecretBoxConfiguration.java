package io.convene.integration.webhook;

import io.convene.domain.webhook.SecretBox;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The secret box for webhook secrets at rest (Tink AEAD under the configured keyset). */
@Configuration
@EnableConfigurationProperties(SecretBoxProperties.class)
class SecretBoxConfiguration {

    @Bean
    SecretBox webhookSecretBox(SecretBoxProperties properties) {
        return TinkSecretBox.from(properties);
    }
}
