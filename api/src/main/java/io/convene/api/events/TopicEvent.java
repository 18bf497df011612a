package io.convene.api.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.domain.event.DomainEvent;
import io.convene.domain.event.EventTypes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * One record of the events topic as its consumers (sockets, webhooks) read it: a structured-mode
 * CloudEvent in JSON, whose {@code data} (or {@code data_base64}) is the domain event's payload, and
 * that payload read back into its record ({@code event}; null for a type this node does not know).
 */
public record TopicEvent(UUID id, String type, String subject, Instant time, Map<String, Object> data,
                         DomainEvent event) {

    @SuppressWarnings("unchecked")
    public static TopicEvent parse(ObjectMapper json, String value) throws IOException {
        JsonNode event = json.readTree(value);
        JsonNode data = event.get("data");
        if (data == null && event.hasNonNull("data_base64")) {
            data = json.readTree(new String(Base64.getDecoder().decode(event.get("data_base64").asText()),
                    StandardCharsets.UTF_8));
        }
        Map<String, Object> fields = data == null || !data.isObject() ? Map.of() : json.convertValue(data, Map.class);
        String id = event.path("id").asText();
        String time = event.path("time").asText();
        String type = event.path("type").asText();
        JsonNode payload = data;
        // a newer node's event may carry fields this one does not know: they are not an error here
        DomainEvent typed = payload == null || !payload.isObject() ? null : EventTypes.all().named(type)
                .map(t -> read(json, payload, t.record())).orElse(null);
        return new TopicEvent(id.isEmpty() ? null : UUID.fromString(id), type,
                event.path("subject").asText(), time.isEmpty() ? null : Instant.parse(time), fields, typed);
    }

    private static DomainEvent read(ObjectMapper json, JsonNode payload, Class<? extends DomainEvent> record) {
        try {
            return json.readerFor(record).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(payload);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
