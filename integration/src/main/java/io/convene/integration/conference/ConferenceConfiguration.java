package io.convene.integration.conference;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(ConferenceProperties.class)
class ConferenceConfiguration {
}
