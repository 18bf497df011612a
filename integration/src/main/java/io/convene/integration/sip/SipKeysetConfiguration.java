package io.convene.integration.sip;

import io.convene.domain.sip.CredentialCipher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cipher for SIP passwords at rest (Tink AEAD under the configured keyset). */
@Configuration
@EnableConfigurationProperties(SipKeysetProperties.class)
class SipKeysetConfiguration {

    @Bean
    CredentialCipher sipCredentialCipher(SipKeysetProperties properties) {
        return TinkCredentialCipher.from(properties);
    }
}
