package io.convene.api.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.application.webhook.WebhookAttempts;
import io.convene.application.webhook.WebhookDispatch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhooks' Kafka consumer (group {@code convene-webhooks}, shared by all nodes). */
@Configuration
class WebhookConfiguration {

    @Bean
    WebhookEvents webhookEvents(KafkaProperties kafka, @Value("${convene.events.topic:convene.events}") String topic,
                                WebhookDispatch dispatch, WebhookAttempts attempts, ObjectMapper json) {
        return new WebhookEvents(kafka, topic, dispatch, attempts, json);
    }
}
