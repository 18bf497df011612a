package io.convene.api.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.api.events.TopicEvent;
import io.convene.application.realtime.EventRouting;
import io.convene.application.realtime.Routing;
import io.convene.domain.event.DomainEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Feeds the sockets from the events topic. Every node reads every event (a consumer group of
 * its own, from the latest offset: what happened while it was down is not news any more; a
 * reconnecting client gets what is still live from {@code SocketSessions}) and emits to its own
 * sockets, so it works across nodes without sticky routing of events.
 */
public class RealtimeEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RealtimeEvents.class);

    private final KafkaProperties kafka;
    private final String topic;
    private final EventRouting routing;
    private final SocketGateway gateway;
    private final ObjectMapper json;
    private volatile KafkaMessageListenerContainer<String, String> container;
    private volatile boolean assigned;

    RealtimeEvents(KafkaProperties kafka, String topic, EventRouting routing, SocketGateway gateway, ObjectMapper json) {
        this.kafka = kafka;
        this.topic = topic;
        this.routing = routing;
        this.gateway = gateway;
        this.json = json;
    }

    /** True once the consumer has its partitions (events committed from then on reach the sockets). */
    public boolean isAssigned() {
        return assigned;
    }

    @Override
    public void start() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(null));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "convene-realtime-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setPollTimeout(500);
        // a poll's records routed together: one read-only transaction for the batch, not one per event
        // (at 1,000 events/s the per-event BEGIN/COMMIT round trips were the consumer's limit)
        properties.setMessageListener((BatchMessageListener<String, String>) records ->
                handle(records.stream().map(record -> record.value()).toList()));
        properties.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsAssigned(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                                             Collection<TopicPartition> partitions) {
                // "latest" is looked up lazily, after this callback: an event committed in between would be
                // before it and never read. Looking the positions up now makes "assigned" mean "reads all
                // that is committed from now on" (TwoNodeDeliveryIntegrationTest missed a ring in that gap).
                partitions.forEach(consumer::position);
                assigned = !partitions.isEmpty();
            }
        });
        container = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(config), properties);
        container.setBeanName("realtimeEvents");
        container.start();
    }

    /** Structured-mode CloudEvents (JSON), in the topic's order → routed deliveries → this node's sockets. */
    void handle(List<String> values) {
        List<DomainEvent> events = new ArrayList<>(values.size());
        for (String value : values) {
            try {
                TopicEvent event = TopicEvent.parse(json, value);
                if (event.event() != null) { // null: a type this node does not know (a newer node's)
                    events.add(event.event());
                }
            } catch (Exception e) {
                log.warn("realtime: event not delivered: {}", e.toString());
            }
        }
        List<Routing> routed;
        try {
            routed = routing.routeAll(events);
        } catch (Exception e) {
            routed = events.stream().map(this::routeOne).toList(); // one failed: the others still go out
        }
        for (Routing one : routed) {
            try {
                if (!one.isEmpty()) {
                    gateway.apply(one);
                }
            } catch (Exception e) {
                log.warn("realtime: event not delivered: {}", e.toString());
            }
        }
    }

    private Routing routeOne(DomainEvent event) {
        try {
            return routing.route(event);
        } catch (Exception e) {
            log.warn("realtime: event not delivered: {}", e.toString());
            return Routing.NONE;
        }
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
            container = null;
        }
        assigned = false;
    }

    @Override
    public boolean isRunning() {
        return container != null;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1; // stops after the gateway, starts before it
    }
}

