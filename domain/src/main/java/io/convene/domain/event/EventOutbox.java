package io.convene.domain.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends domain events to the outbox table. It must run inside the transaction
 * that makes the change ({@code MANDATORY}): the change and its event commit
 * together or not at all. Publishing to Kafka is the relay's job, later.
 *
 * <p>Each event is also published, at once and in the same transaction, to the application's
 * listeners ({@code @EventListener} of the event's record): that is how one feature reacts to
 * another's change (a call's end writes its call-log rows, a meeting's end finalises its recording)
 * without calling it. A listener that fails rolls the whole change back, as a direct call would.
 */
@Component
public class EventOutbox {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher listeners;
    private final EventTypes types = EventTypes.all();

    private final OutboxSignal signal;

    EventOutbox(JdbcClient jdbc, ObjectMapper json, Clock clock, OutboxSignal signal,
                ApplicationEventPublisher listeners) {
        this.jdbc = jdbc;
        this.json = json.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS); // an optional field is null, never absent
        this.clock = clock;
        this.signal = signal;
        this.listeners = listeners;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public StoredEvent append(DomainEvent event) {
        return appendAt(event, null);
    }

    /**
     * Appends an event that happens at {@code at}: when that is still ahead, the relay holds it until
     * then (a reminder prepared ahead of its due instant); {@code null} or a past instant: now.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredEvent appendAt(DomainEvent domainEvent, Instant at) {
        StoredEvent event = store(types.of(domainEvent).name(), domainEvent.subject(), domainEvent, at);
        listeners.publishEvent(domainEvent);
        return event;
    }

    private StoredEvent store(String type, String subject, Object data, Instant at) {
        Instant now = clock.instant();
        Instant deliverAt = at != null && at.isAfter(now) ? at : null;
        StoredEvent event = new StoredEvent(UUID.randomUUID(), type, subject, deliverAt != null ? deliverAt : now, toJson(data));
        jdbc.sql("""
                insert into outbox_event (event_id, type, subject, occurred_at, data, deliver_at)
                values (:id, :type, :subject, :time, cast(:data as jsonb), :deliverAt)""")
                .param("id", event.id())
                .param("type", event.type())
                .param("subject", event.subject())
                .param("time", Timestamp.from(event.time()))
                .param("data", event.dataJson())
                .param("deliverAt", deliverAt == null ? null : Timestamp.from(deliverAt))
                .update();
        wakeRelayAfterCommit();
        return event;
    }

    /**
     * Withdraws the subject's events that are still held for a later time (never published, so never
     * seen): a reminder prepared ahead for a start time that no longer holds. Returns how many.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int withdrawHeld(String subject) {
        return jdbc.sql("""
                delete from outbox_event where subject = :subject and published_at is null
                and deliver_at is not null and deliver_at > :now""")
                .param("subject", subject).param("now", Timestamp.from(clock.instant())).update();
    }

    /** Once per transaction: after it commits, the relay sends at once (unless the database's NOTIFY tells it). */
    private void wakeRelayAfterCommit() {
        if (signal.databaseHeard()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(signal)) {
            TransactionSynchronizationManager.bindResource(signal, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(signal);
                    if (status == STATUS_COMMITTED) {
                        signal.signal();
                    }
                }
            });
        }
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable: " + data.getClass(), e);
        }
    }
}
