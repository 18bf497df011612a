package io.convene.domain.event;

/**
 * A state change worth telling the world about, as a record of its own: one record per kind, in a
 * sealed family per feature annotated {@link EventFamily} (e.g. {@code MeetingEvent.Ended}). Its type
 * name and version come from the record ({@link EventTypes}); its fields are its JSON data; it goes
 * out through {@link EventOutbox#append(DomainEvent)} in the transaction of the change.
 */
public interface DomainEvent {

    /**
     * What it is about — a meeting's or call's id, else a user's or a webhook's: Kafka keys the event by
     * it, so the events of one subject stay in order.
     */
    String subject();
}
