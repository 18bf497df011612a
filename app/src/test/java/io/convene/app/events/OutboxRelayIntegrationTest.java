package io.convene.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.convene.app.support.StackTestBase;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.event.PendingEvents;
import io.convene.embedded.EmbeddedKafkaControl;
import io.convene.integration.kafka.EventsTopicProperties;
import io.convene.integration.kafka.OutboxRelay;
import io.convene.integration.kafka.OutboxListener;
import io.convene.domain.event.OutboxSignal;
import javax.sql.DataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox survives a Kafka outage: changes made while the broker is down are
 * committed with their events, and once it is back every event reaches the
 * topic exactly once, as a CloudEvent keyed by its subject.
 */
class OutboxRelayIntegrationTest extends StackTestBase {

    @Autowired
    PendingEvents outbox;
    @Autowired
    DataSource dataSource;
    @Autowired
    OutboxSignal nodeSignal;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventOutbox events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;
    @Autowired
    DefaultKafkaProducerFactory<String, CloudEvent> cloudEventProducerFactory;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${convene.events.topic:convene.events}")
    String topic;

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    io.convene.application.events.PublishedEventRetention retention;

    @Test
    void published_events_are_forgotten_after_the_retention_and_unpublished_ones_never() {
        String subject = "retention-" + java.util.UUID.randomUUID();
        transactions.executeWithoutResult(s -> events.append(new TestEvent.Retention(subject, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from outbox_event where subject = :s and published_at is not null")
                .param("s", subject).query(Long.class).single() == 1);
        // one more that is held (deliver_at ahead): unpublished, so it stays however old
        transactions.executeWithoutResult(s -> events.appendAt(new TestEvent.Retention(subject, 2),
                clock.instant().plus(Duration.ofDays(30))));

        retention.forgetPublishedLongerAgoThan(Duration.ofDays(7));
        assertThat(countOf(subject)).as("published just now: kept").isEqualTo(2);

        // eight days later (as if: the row's publication is moved back, not the shared clock)
        jdbc.sql("update outbox_event set published_at = published_at - interval '8 days' where subject = :s and published_at is not null")
                .param("s", subject).update();
        assertThat(retention.forgetPublishedLongerAgoThan(Duration.ofDays(7))).isGreaterThanOrEqualTo(1);
        assertThat(countOf(subject)).as("the held one stays").isEqualTo(1);
        jdbc.sql("delete from outbox_event where subject = :s").param("s", subject).update();
    }

    private long countOf(String subject) {
        return jdbc.sql("select count(*) from outbox_event where subject = :s").param("s", subject).query(Long.class).single();
    }

    @Test
    void events_written_while_kafka_is_down_arrive_exactly_once_when_it_is_back() throws Exception {
        EmbeddedKafkaControl kafka = embedded.kafka().orElseThrow();
        String admin = tokens.of("admin");
        kafka.stopBroker();
        List<String> probeIds = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> created = post("/api/ops/timer-probes", admin, null);
                assertThat(created.statusCode()).as("the API works while Kafka is down").isEqualTo(202);
                probeIds.add(json.readTree(created.body()).get("probeId").asText());
            }
            List<String> eventIds = eventIdsOf(probeIds);
            assertThat(eventIds).hasSize(5);
            assertThat(outbox.countUnpublished()).as("nothing can be published yet").isGreaterThanOrEqualTo(5);
        } finally {
            kafka.startBroker();
        }
        List<String> eventIds = eventIdsOf(probeIds);

        await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(eventIds) == 0);
        Map<String, List<ConsumerRecord<String, String>>> received = readTopicById();

        for (String eventId : eventIds) {
            assertThat(received.get(eventId)).as("event " + eventId).hasSize(1);
            ConsumerRecord<String, String> record = received.get(eventId).get(0);
            JsonNode event = json.readTree(record.value());
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("type").asText()).isEqualTo("ops.timer_probe.requested");
            assertThat(event.get("subject").asText()).isEqualTo(record.key());
            assertThat(probeIds).contains(record.key());
            assertThat(event.get("data").get("probeId").asText()).isEqualTo(record.key());
        }
    }

    /**
     * A commit that did not pass through this node's {@code EventOutbox} (another node's, or any
     * other writer of the table) still wakes the relay at once: the table's trigger NOTIFYs at the
     * commit with the transaction's id, and the listener hears it. A rolled-back insert tells
     * nobody. (Other tests' commits notify too: hence each transaction is recognised by its id.)
     */
    @Test
    void a_commit_from_outside_the_node_wakes_the_relay_through_postgres_notify_and_a_rollback_does_not()
            throws Exception {
        await("the node's own listener tells its relay of every commit").atMost(Duration.ofSeconds(10))
                .until(nodeSignal::databaseHeard);
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        OutboxSignal signal = new OutboxSignal();
        OutboxListener listener = new OutboxListener(dataSource, signal) {
            @Override
            protected void heard(String transactionId) {
                heard.add(transactionId);
                super.heard(transactionId);
            }
        };
        listener.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(listener::listening);
            signal.await(Duration.ZERO); // the signal it gives when it starts listening
            String rolledBack = transactions.execute(status -> {
                insertProbeRequest();
                status.setRollbackOnly();
                return transactionId();
            });
            String[] committed = new String[2];
            transactions.executeWithoutResult(status -> {
                committed[0] = insertProbeRequest();
                committed[1] = transactionId();
            });

            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains(committed[1]));
            assertThat(heard).as("a rolled-back insert notifies nobody").doesNotContain(rolledBack);
            assertThat(signal.await(Duration.ZERO)).as("what it heard wakes the relay").isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "select count(*) from outbox_event where subject = :id and published_at is null")
                    .param("id", committed[0]).query(Integer.class).single() == 0);
        } finally {
            listener.stop();
        }
    }

    private String transactionId() {
        return jdbc.sql("select txid_current()::text").query(String.class).single();
    }

    /** An outbox row written with plain SQL, as another node (or a bench) does, not through EventOutbox. */
    private String insertProbeRequest() {
        String probeId = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into outbox_event (event_id, type, subject, occurred_at, data)
                values (:id, 'ops.timer_probe.requested', :subject, now(), cast(:data as jsonb))""")
                .param("id", UUID.randomUUID()).param("subject", probeId)
                .param("data", "{\"probeId\":\"" + probeId + "\"}").update();
        return probeId;
    }

    @Test
    void after_an_instance_dies_holding_the_relay_lease_another_takes_over_and_keeps_the_order_per_key()
            throws Exception {
        // the lease's times are the database's (PendingEvents.holdLease)
        jdbc.sql("update outbox_relay_lease set owner = 'instance-that-died', lease_until = clock_timestamp() + interval '3 seconds' where name = 'kafka'")
                .update();
        Steps steps = stepsOfTwoMeetings(4);
        List<String> expectedA = steps.ofA();
        List<String> expectedB = steps.ofB();
        List<String> all = steps.all();

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> unpublished(all) == all.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(all) == 0);

        Map<String, List<ConsumerRecord<String, String>>> received = readTopicById();
        assertThat(all).allSatisfy(id -> assertThat(received.get(id)).hasSize(1));
        assertThat(inTopicOrder(received, expectedA)).containsExactlyElementsOf(expectedA);
        assertThat(inTopicOrder(received, expectedB)).containsExactlyElementsOf(expectedB);
    }

    @Test
    void two_relays_on_a_slow_broker_never_publish_the_same_events_and_keep_the_order_per_key() throws Exception {
        // given: the app's own relay paused (its lease held by the test), two relays sharing another
        // lease, each with its own producer whose acks come 150 ms apart: a batch of 20 events takes
        // 3 s, longer than the 1.8 s lease (3 × the 600 ms send timeout)
        jdbc.sql("update outbox_relay_lease set owner = 'paused-by-test', lease_until = clock_timestamp() + interval '1 hour' where name = 'kafka'")
                .update();
        String lease = "test-" + UUID.randomUUID();
        EventsTopicProperties slow = new EventsTopicProperties(topic, 6, Duration.ofMillis(50), 500,
                Duration.ofMillis(600), "urn:convene", lease);
        List<DefaultKafkaProducerFactory<String, CloudEvent>> producers = List.of(slowProducer(), slowProducer());
        ScheduledExecutorService instances = Executors.newScheduledThreadPool(2);
        try {
            Steps steps = stepsOfTwoMeetings(10);
            List<String> expectedA = steps.ofA();
            List<String> expectedB = steps.ofB();
            List<String> all = steps.all();

            // when: both instances relay every 50 ms
            for (DefaultKafkaProducerFactory<String, CloudEvent> producer : producers) {
                OutboxRelay relay = new OutboxRelay(outbox, new KafkaTemplate<>(producer), slow, clock,
                        new SimpleMeterRegistry());
                instances.scheduleWithFixedDelay(relay::relay, 0, 50, TimeUnit.MILLISECONDS);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(all) == 0);
            instances.shutdown();
            assertThat(instances.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            // then
            Map<String, List<ConsumerRecord<String, String>>> received = readTopicById();
            assertThat(all).allSatisfy(id -> assertThat(received.get(id)).as("copies of " + id).hasSize(1));
            assertThat(inTopicOrder(received, expectedA)).containsExactlyElementsOf(expectedA);
            assertThat(inTopicOrder(received, expectedB)).containsExactlyElementsOf(expectedB);
        } finally {
            instances.shutdownNow();
            producers.forEach(DefaultKafkaProducerFactory::destroy);
            jdbc.sql("update outbox_relay_lease set owner = null, lease_until = null where name = 'kafka'").update();
        }
    }

    /** The app's CloudEvents producer, with acknowledgements that come 150 ms apart. */
    private DefaultKafkaProducerFactory<String, CloudEvent> slowProducer() {
        Map<String, Object> config = new HashMap<>(cloudEventProducerFactory.getConfigurationProperties());
        config.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, SlowAcks.class.getName());
        return new DefaultKafkaProducerFactory<>(config);
    }

    /** A slow broker: each acknowledgement reaches the producer's caller 150 ms after the previous one. */
    public static class SlowAcks implements ProducerInterceptor<String, CloudEvent> {

        @Override
        public ProducerRecord<String, CloudEvent> onSend(ProducerRecord<String, CloudEvent> record) {
            return record;
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
            LockSupport.parkNanos(Duration.ofMillis(150).toNanos()); // the producer's I/O thread, not the test
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }

    /** The ids, sorted as they lie in their (single) partition. */
    private static List<String> inTopicOrder(Map<String, List<ConsumerRecord<String, String>>> received, List<String> ids) {
        assertThat(ids.stream().map(id -> received.get(id).get(0).partition()).distinct()).hasSize(1);
        return ids.stream().sorted(Comparator.comparingLong(id -> received.get(id).get(0).offset())).toList();
    }

    private List<String> eventIdsOf(List<String> probeIds) {
        return jdbc.sql("select event_id::text from outbox_event where subject in (:ids) and type = 'ops.timer_probe.requested'")
                .param("ids", probeIds).query(String.class).list();
    }

    private long unpublished(List<String> eventIds) {
        return jdbc.sql("select count(*) from outbox_event where event_id::text in (:ids) and published_at is null")
                .param("ids", eventIds).query(Long.class).single();
    }

    /** Reads the whole topic from the beginning to its current end; records grouped by CloudEvent id. */
    private Map<String, List<ConsumerRecord<String, String>>> readTopicById() throws Exception {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Map<String, List<ConsumerRecord<String, String>>> byId = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < Duration.ofSeconds(3).toNanos()) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                for (ConsumerRecord<String, String> record : records) {
                    String id = json.readTree(record.value()).get("id").asText();
                    byId.computeIfAbsent(id, key -> new ArrayList<>()).add(record);
                }
            }
        }
        return byId;
    }

    /** The event ids, in commit order, of two meetings' steps: one transaction per step writes both. */
    private record Steps(List<String> ofA, List<String> ofB) {
        List<String> all() {
            List<String> all = new ArrayList<>(ofA);
            all.addAll(ofB);
            return all;
        }
    }

    private Steps stepsOfTwoMeetings(int count) {
        String meetingA = "mtg_" + UUID.randomUUID();
        String meetingB = "mtg_" + UUID.randomUUID();
        Steps steps = new Steps(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < count; i++) {
            int step = i;
            transactions.executeWithoutResult(tx -> {
                steps.ofA().add(events.append(new TestEvent.Step(meetingA, step)).id().toString());
                steps.ofB().add(events.append(new TestEvent.Step(meetingB, step)).id().toString());
            });
        }
        return steps;
    }
}
