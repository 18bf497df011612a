package io.convene.integration.webhook;

import io.convene.domain.webhook.WebhookTransport;
import java.time.Clock;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The webhook transport; refuses to start the {@code prod} profile with an allow-list or without https. */
@Configuration
@EnableConfigurationProperties(WebhookEgressProperties.class)
class WebhookEgressConfiguration {

    private static final Log log = LogFactory.getLog(WebhookEgressConfiguration.class);

    @Bean
    WebhookTransport webhookTransport(WebhookEgressProperties egress, Environment environment, ObjectProvider<Clock> clock) {
        egress.requireSafeFor(List.of(environment.getActiveProfiles()));
        if (!egress.allowedTargets().isEmpty()) {
            log.warn("Webhooks may reach " + egress.allowedTargets() + " although the egress rules forbid them "
                    + "(convene.webhooks.egress.allowed-targets: for local development and tests only)");
        }
        return new OkHttpWebhookTransport(egress, clock.getIfAvailable(Clock::systemUTC));
    }
}
