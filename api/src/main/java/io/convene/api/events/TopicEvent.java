package io.convene.api.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * One record of the events topic as its consumers (sockets, webhooks) read it: a structured-mode
 * CloudEvent in JSON, whose {@code data} (or {@code data_base64}) is the domain event's payload.
 */
public record TopicEvent(UUID id, String type, String subject, Instant time, Map<String, Object> data) {

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
        return new TopicEvent(id.isEmpty() ? null : UUID.fromString(id), event.path("type").asText(),
                event.path("subject").asText(), time.isEmpty() ? null : Instant.parse(time), fields);
    }
}
