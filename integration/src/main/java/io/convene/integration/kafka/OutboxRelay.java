package io.convene.integration.kafka;

import io.cloudevents.CloudEvent;
import io.convene.domain.event.PendingEvents;
import io.convene.domain.event.PendingEvents.Pending;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the outbox to Kafka, at least once and in order per key. One app
 * instance holds the relay lease at a time; it sends a batch in outbox order
 * (key = the event's subject, so one meeting's events share a partition),
 * waits for the broker's acks, and stamps only the unbroken prefix of
 * acknowledged events. When Kafka is away nothing is stamped and the next
 * round tries again from the same place: nothing is lost, and a record is
 * repeated only when its ack was lost — consumers deduplicate by event id.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final PendingEvents outbox;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final EventsTopicProperties properties;
    private final CloudEventMapper mapper;
    private final Clock clock;
    private final String owner = "relay-" + UUID.randomUUID();
    private final Counter published;
    private final Counter failures;
    private volatile boolean kafkaWasDown;

    OutboxRelay(PendingEvents outbox, KafkaTemplate<String, CloudEvent> kafka, EventsTopicProperties properties,
                Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.properties = properties;
        this.mapper = new CloudEventMapper(properties.source());
        this.clock = clock;
        this.published = Counter.builder("convene.outbox.published").description("events relayed to Kafka").register(meters);
        this.failures = Counter.builder("convene.outbox.failures").description("relay rounds that Kafka refused").register(meters);
        meters.gauge("convene.outbox.pending", outbox, PendingEvents::countUnpublished);
    }

    @Scheduled(fixedDelayString = "${convene.events.poll-interval:200ms}")
    public void relay() {
        Instant now = clock.instant();
        if (!outbox.holdLease(owner, now, now.plus(properties.sendTimeout().multipliedBy(3)))) {
            return;
        }
        int sent;
        do {
            sent = relayBatch();
        } while (sent == properties.batchSize());
    }

    /** Sends one batch; returns how many events were stamped published. */
    int relayBatch() {
        List<Pending> batch = outbox.oldest(properties.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<SendResult<String, CloudEvent>>> sends = new ArrayList<>(batch.size());
        try {
            for (Pending pending : batch) {
                sends.add(kafka.send(properties.topic(), pending.event().subject(), mapper.toCloudEvent(pending.event())));
            }
        } catch (RuntimeException e) {
            // send() itself fails when no metadata arrives in max.block.ms: Kafka is away
        }
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(batch.get(i).position());
            } catch (Exception e) {
                break; // keep the order: stamp nothing after the first failure
            }
        }
        outbox.markPublished(acknowledged, clock.instant());
        published.increment(acknowledged.size());
        if (acknowledged.size() < batch.size()) {
            failures.increment();
            if (!kafkaWasDown) {
                log.warn("Kafka did not acknowledge {} of {} events; they stay in the outbox and are retried",
                        batch.size() - acknowledged.size(), batch.size());
            }
            kafkaWasDown = true;
        } else if (kafkaWasDown) {
            log.info("Kafka is back; the outbox relay caught up");
            kafkaWasDown = false;
        }
        return acknowledged.size();
    }
}
