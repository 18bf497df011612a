package io.convene.domain.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
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
 */
@Component
public class EventOutbox {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    private final OutboxSignal signal;

    EventOutbox(JdbcClient jdbc, ObjectMapper json, Clock clock, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.signal = signal;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public DomainEvent append(String type, String subject, Object data) {
        DomainEvent event = new DomainEvent(UUID.randomUUID(), type, subject, clock.instant(), toJson(data));
        jdbc.sql("""
                insert into outbox_event (event_id, type, subject, occurred_at, data)
                values (:id, :type, :subject, :time, cast(:data as jsonb))""")
                .param("id", event.id())
                .param("type", event.type())
                .param("subject", event.subject())
                .param("time", Timestamp.from(event.time()))
                .param("data", event.dataJson())
                .update();
        wakeRelayAfterCommit();
        return event;
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
