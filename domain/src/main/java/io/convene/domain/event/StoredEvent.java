package io.convene.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A {@link DomainEvent} as the outbox stores it and the relay publishes it: its id, type name,
 * subject (the Kafka key: events of one subject stay in order), time, and its record as JSON.
 */
public record StoredEvent(UUID id, String type, String subject, Instant time, String dataJson) {

    public StoredEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(dataJson, "dataJson");
    }
}
