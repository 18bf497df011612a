package io.convene.integration.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how domain events are relayed to Kafka.
 *
 * @param topic        the CloudEvents topic
 * @param partitions   partitions when the app creates the topic
 * @param pollInterval how often the relay looks at the outbox
 * @param batchSize    events per relay round
 * @param sendTimeout  how long the relay waits while Kafka acknowledges none of a batch's events
 *                     before it backs off (the producer's delivery timeout); the relay lease lasts
 *                     three times this and is renewed every {@code sendTimeout}
 * @param source       the CloudEvents {@code source} attribute
 * @param lease        the name of the lease row ({@code outbox_relay_lease}) the relays of one outbox share
 */
@ConfigurationProperties("convene.events")
public record EventsTopicProperties(
        @DefaultValue("convene.events") String topic,
        @DefaultValue("6") int partitions,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("500") int batchSize,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("urn:convene") String source,
        @DefaultValue("kafka") String lease) {
}
