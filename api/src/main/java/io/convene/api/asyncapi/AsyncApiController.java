package io.convene.api.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.application.realtime.EventRouting;
import io.convene.application.realtime.SocketContract;
import io.convene.domain.event.EventTypes;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /asyncapi.json}: the AsyncAPI document of the events topic and the Socket.IO namespace,
 * open like the OpenAPI document. Made on the first request from this node's code and kept.
 */
@RestController
class AsyncApiController {

    private final EventRouting routing;
    private final ObjectMapper json;
    private final String topic;
    private volatile byte[] document;

    AsyncApiController(EventRouting routing, ObjectMapper json,
                       @Value("${convene.events.topic:convene.events}") String topic) {
        this.routing = routing;
        this.json = json;
        this.topic = topic;
    }

    @GetMapping(path = "/asyncapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] document() {
        byte[] made = document;
        if (made == null) {
            made = make();
            document = made;
        }
        return made;
    }

    private byte[] make() {
        try {
            return json.writeValueAsBytes(AsyncApiDocument.generate(new AsyncApiDocument.Contract(topic,
                    EventTypes.all().types(), SocketContract.all(), routing.routes())));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
