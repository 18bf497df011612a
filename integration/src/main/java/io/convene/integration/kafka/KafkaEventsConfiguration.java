package io.convene.integration.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import io.convene.domain.event.PendingEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The CloudEvents producer and the outbox relay that feeds it. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(EventsTopicProperties.class)
class KafkaEventsConfiguration {

    @Bean
    NewTopic eventsTopic(EventsTopicProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(properties.partitions()).replicas(1).build();
    }

    /** A bean, so the context closes its producer on shutdown (before the embedded broker stops). */
    @Bean
    DefaultKafkaProducerFactory<String, CloudEvent> cloudEventProducerFactory(KafkaProperties kafka,
                                                                             EventsTopicProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(null));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        config.put(CloudEventSerializer.ENCODING_CONFIG, Encoding.STRUCTURED.name());
        config.put(CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE);
        // idempotent, fully acknowledged sends keep per-partition order across retries
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // fail a round quickly when Kafka is away; the relay retries from the outbox
        int timeout = (int) properties.sendTimeout().toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout / 2);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout / 2);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, CloudEvent> cloudEventTemplate(DefaultKafkaProducerFactory<String, CloudEvent> cloudEventProducerFactory) {
        return new KafkaTemplate<>(cloudEventProducerFactory);
    }

    @Bean(destroyMethod = "release")
    OutboxRelay outboxRelay(PendingEvents outbox, KafkaTemplate<String, CloudEvent> cloudEventTemplate,
                            EventsTopicProperties properties, Clock clock, MeterRegistry meters) {
        return new OutboxRelay(outbox, cloudEventTemplate, properties, clock, meters);
    }

    @Bean
    RelayWakeup relayWakeup(OutboxRelay outboxRelay, io.convene.domain.event.OutboxSignal signal) {
        return new RelayWakeup(outboxRelay, signal);
    }

    @Bean
    OutboxListener outboxListener(javax.sql.DataSource dataSource, io.convene.domain.event.OutboxSignal signal) {
        return new OutboxListener(dataSource, signal);
    }
}
