package io.convene.api.realtime;

import com.corundumstudio.socketio.protocol.Event;
import com.corundumstudio.socketio.protocol.JacksonJsonSupport;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.netty.buffer.ByteBufInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * netty-socketio drops an event nobody listens to without a word, so the client's ack never
 * comes. This renames such an event to {@link #UNKNOWN} (its name as the only argument), whose
 * listener answers the ack with a problem. Instants are written as ISO strings.
 */
final class ConveneJsonSupport extends JacksonJsonSupport {

    static final String UNKNOWN = "convene:unknown-event";

    private final Set<String> known;

    ConveneJsonSupport(Set<String> known) {
        super(new JavaTimeModule());
        this.known = known;
    }

    @Override
    protected void init(com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
        super.init(objectMapper);
        objectMapper.disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // the seed's payloads keep their optional fields (callerAvatar: null)
        objectMapper.setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS);
    }

    @Override
    public <T> T readValue(String namespace, ByteBufInputStream src, Class<T> valueType) throws IOException {
        T value = super.readValue(namespace, src, valueType);
        if (value instanceof Event event && !known.contains(event.getName())) {
            String name = event.getName() == null ? "" : event.getName();
            return valueType.cast(new Event(UNKNOWN, List.of(name.length() > 100 ? name.substring(0, 100) : name)));
        }
        return value;
    }
}
