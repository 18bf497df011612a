package io.convene.app.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.convene.domain.event.DomainEvent;
import io.convene.domain.event.EventTypes;
import java.util.Map;

/** An event's data as the topic or the outbox carries it, read back into its record (as the topic's consumers do). */
public final class TypedEvents {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private TypedEvents() {}

    public static DomainEvent of(String type, Map<String, ?> data) {
        Class<? extends DomainEvent> record = EventTypes.all().named(type)
                .orElseThrow(() -> new IllegalArgumentException("no event type " + type)).record();
        return JSON.convertValue(data, record);
    }
}
