package io.convene.api.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.api.events.TopicEvent;
import io.convene.application.webhook.WebhookAttempts;
import io.convene.application.webhook.WebhookDispatch;
import io.convene.application.webhook.WebhookDispatch.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Feeds the webhooks from the events topic: one consumer group shared by every node (each event
 * is dispatched by one of them), offsets committed after the batch's deliveries are written —
 * so a restart or a rebalance re-reads at most a batch, and the deliveries' unique key turns a
 * re-read into nothing. The first attempts go out after the commit, on the sender pool.
 */
public class WebhookEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);
    static final String GROUP = "convene-webhooks";

    private final KafkaProperties kafka;
    private final String topic;
    private final WebhookDispatch dispatch;
    private final WebhookAttempts attempts;
    private final ObjectMapper json;
    private volatile KafkaMessageListenerContainer<String, String> container;

    WebhookEvents(KafkaProperties kafka, String topic, WebhookDispatch dispatch, WebhookAttempts attempts,
                  ObjectMapper json) {
        this.kafka = kafka;
        this.topic = topic;
        this.dispatch = dispatch;
        this.attempts = attempts;
        this.json = json;
    }

    @Override
    public void start() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(null));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // a new install's first events count too
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setPollTimeout(500);
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setMessageListener((BatchMessageListener<String, String>) this::handle);
        KafkaMessageListenerContainer<String, String> created =
                new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(config), properties);
        // the database away: the batch is retried (not skipped) with back-off, nothing is committed meanwhile
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        created.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        created.setBeanName("webhookEvents");
        created.start();
        container = created;
    }

    void handle(List<ConsumerRecord<String, String>> records) {
        List<Event> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            Event event = parse(record.value());
            if (event != null) {
                events.add(event);
            }
        }
        attempts.submit(dispatch.dispatch(events)); // throws when the database is away: the batch comes again
    }

    private Event parse(String value) {
        try {
            TopicEvent event = TopicEvent.parse(json, value);
            return new Event(event.id(), event.type(), event.subject(), event.time(), event.data(), event.event());
        } catch (Exception e) {
            log.warn("webhooks: an event that is not a readable CloudEvent is skipped: {}", e.toString());
            return null;
        }
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
            container = null;
        }
    }

    @Override
    public boolean isRunning() {
        return container != null;
    }
}
