package io.convene.integration.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.convene.domain.event.StoredEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/** A domain event as a CloudEvent 1.0: id, type and subject carried over, JSON data. */
final class CloudEventMapper {

    private final URI source;

    CloudEventMapper(String source) {
        this.source = URI.create(source);
    }

    CloudEvent toCloudEvent(StoredEvent event) {
        return CloudEventBuilder.v1()
                .withId(event.id().toString())
                .withType(event.type())
                .withSource(source)
                .withSubject(event.subject())
                .withTime(event.time().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(event.dataJson().getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
