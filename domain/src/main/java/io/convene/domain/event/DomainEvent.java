package io.convene.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A state change worth telling the world about. {@code subject} is the id of the
 * meeting or call it concerns: Kafka keys the record by it, so events of one
 * subject stay in order. {@code dataJson} is the event's payload as JSON.
 */
public record DomainEvent(UUID id, String type, String subject, Instant time, String dataJson) {

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(dataJson, "dataJson");
    }
}
