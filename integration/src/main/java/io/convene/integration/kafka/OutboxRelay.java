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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
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
 *
 * <p>The lease lasts three send timeouts. It is renewed before every batch and, while a batch
 * waits for its acks, every send timeout; a relay that cannot renew it (another instance took it
 * after this one stalled) stops sending and waiting at once. So a slow broker never lets the
 * lease lapse under a running batch, and a second instance never publishes the same events
 * concurrently.
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
    private long leaseRenewedAt; // System.nanoTime(): the interval must not follow a test's moved clock
    private boolean leaseLost;

    public OutboxRelay(PendingEvents outbox, KafkaTemplate<String, CloudEvent> kafka, EventsTopicProperties properties,
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
    public synchronized void relay() {
        int sent;
        do {
            if (!renewLease()) {
                return; // another instance relays; a batch starts only under a freshly renewed lease
            }
            sent = relayBatch();
        } while (sent == properties.batchSize() && !leaseLost);
    }

    /**
     * On shutdown: the lease is given up, so another instance relays at once instead of when it runs
     * out (a rolling restart would otherwise hold every event back for up to three send timeouts).
     */
    public void release() {
        try {
            outbox.releaseLease(properties.lease(), owner);
        } catch (RuntimeException e) {
            log.warn("The outbox relay could not give up its lease ({}); it runs out by itself", e.toString());
        }
    }

    private boolean renewLease() {
        boolean held = outbox.holdLease(properties.lease(), owner, properties.sendTimeout().multipliedBy(3));
        leaseRenewedAt = System.nanoTime();
        leaseLost = !held;
        return held;
    }

    /** Renews the lease when a send timeout has passed since the last renewal; false when it is lost. */
    private boolean keepLease() {
        if (leaseLost) {
            return false;
        }
        if (System.nanoTime() - leaseRenewedAt < properties.sendTimeout().toNanos()) {
            return true;
        }
        if (!renewLease()) {
            log.warn("The outbox relay lost its lease during a batch (it stalled longer than the lease); "
                    + "it stops, and the events it did not see acknowledged are left to the lease holder");
            return false;
        }
        return true;
    }

    /** Sends one batch; returns how many events were stamped published. */
    int relayBatch() {
        List<Pending> batch = outbox.oldest(properties.batchSize(), clock.instant());
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<SendResult<String, CloudEvent>>> sends = new ArrayList<>(batch.size());
        AtomicLong lastAck = new AtomicLong(System.nanoTime()); // any ack of this batch: the broker makes progress
        try {
            for (Pending pending : batch) {
                if (!keepLease()) {
                    break;
                }
                sends.add(kafka.send(properties.topic(), pending.event().subject(), mapper.toCloudEvent(pending.event()))
                        .whenComplete((result, failure) -> lastAck.set(System.nanoTime())));
            }
        } catch (RuntimeException e) {
            // send() itself fails when no metadata arrives in max.block.ms: Kafka is away
        }
        lastAck.accumulateAndGet(System.nanoTime(), Math::max); // the quiet period starts when all is sent
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            if (!acknowledged(sends.get(i), lastAck)) {
                break; // keep the order: stamp nothing after the first failure
            }
            acknowledged.add(batch.get(i).position());
        }
        outbox.markPublished(acknowledged, clock.instant());
        published.increment(acknowledged.size());
        if (leaseLost) {
            return acknowledged.size();
        }
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

    /**
     * Waits for {@code send}'s ack, renewing the lease as the wait goes on; false when the send
     * failed, the lease was lost, or no ack of the batch arrived for a send timeout (a slow broker
     * that keeps acknowledging is waited for; a stuck one is not).
     */
    private boolean acknowledged(CompletableFuture<SendResult<String, CloudEvent>> send, AtomicLong lastAck) {
        while (keepLease()) {
            long quiet = lastAck.get() + properties.sendTimeout().toNanos() - System.nanoTime();
            if (quiet <= 0) {
                return false;
            }
            long untilRenewal = leaseRenewedAt + properties.sendTimeout().toNanos() - System.nanoTime();
            try {
                send.get(Math.max(Math.min(untilRenewal, quiet), 1), TimeUnit.NANOSECONDS);
                return true;
            } catch (TimeoutException e) {
                // renew the lease if due, and wait on while the batch makes progress
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | CancellationException e) {
                return false;
            }
        }
        return false;
    }
}
