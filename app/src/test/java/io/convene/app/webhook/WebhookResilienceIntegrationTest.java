package io.convene.app.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.convene.api.webhook.WebhookEvents;
import io.convene.app.support.Json;
import io.convene.app.support.SecondNode;
import io.convene.app.support.MeetingFixtures;
import io.convene.embedded.EmbeddedKafkaControl;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Webhooks through a Kafka outage and restarts — of the consumer, and of a whole node on the
 * same stack ({@link SecondNode}): every (event, webhook) delivery reaches the receiver, and no
 * {@code webhook-id} arrives twice as a first attempt. The receivers answer 200, so a delivery is
 * exactly one request and one attempt; a second request would be a duplicate.
 */
class WebhookResilienceIntegrationTest extends MeetingFixtures {

    private static final String GROUP = "convene-webhooks"; // WebhookEvents' consumer group, shared by all nodes
    private static final Duration DELIVERED_WITHIN = Duration.ofSeconds(90);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebhookEvents webhookEvents;
    @Autowired
    Environment environment;
    @Autowired
    Clock clock;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${convene.events.topic:convene.events}")
    String topic;


    private final List<String> registered = new ArrayList<>();

    @Override
    protected JdbcClient jdbc() {
        return jdbc;
    }

    @AfterEach
    void consumerRunsAgainAndTheWebhooksGo() throws Exception {
        if (!webhookEvents.isRunning()) {
            webhookEvents.start();
        }
        for (String id : registered) { // later tests' meetings need not reach these receivers
            send("DELETE", "/api/webhooks/" + id, tokens.of("alice"), null);
        }
        deleteMeetingsMade();
    }

    @Test
    void meetings_created_while_kafka_is_down_each_reach_the_webhook_exactly_once_when_it_is_back() throws Exception {
        // given
        String path = receiver(0);
        String webhookId = register("alice", path);
        EmbeddedKafkaControl kafka = embedded.kafka().orElseThrow();
        List<String> meetings = new ArrayList<>();

        // when
        kafka.stopBroker();
        try {
            for (int i = 0; i < 20; i++) {
                meetings.add(createMeeting("alice", meeting("While Kafka is down " + i))); // asserts 201
            }
            assertThat(requests(path)).as("nothing can reach the receiver while Kafka is down").isEmpty();
        } finally {
            kafka.startBroker();
        }

        // then
        awaitDelivered(webhookId, meetings.size());
        assertEachDeliveredOnceInOneAttempt(path, webhookId, meetings);
    }

    @Test
    void a_consumer_restarted_while_events_flow_and_then_re_reading_them_all_makes_no_second_delivery() throws Exception {
        // given: the consumer stopped, so its committed offsets are where it will go on from
        String path = receiver(0);
        String webhookId = register("alice", path);
        List<String> meetings = new ArrayList<>();
        try (Admin admin = admin()) {
            webhookEvents.stop();
            Map<TopicPartition, Long> before = committedOrEarliest(admin);

            // when: events arrive while it is stopped, and it is stopped and started while they flow
            for (int i = 0; i < 10; i++) {
                meetings.add(createMeeting("alice", meeting("Consumer away " + i)));
            }
            webhookEvents.start();
            for (int i = 0; i < 10; i++) {
                if (i == 5) {
                    webhookEvents.stop();
                    webhookEvents.start();
                }
                meetings.add(createMeeting("alice", meeting("Consumer restarting " + i)));
            }
            awaitDelivered(webhookId, meetings.size());
            // ... and it restarts as after a crash between the deliveries' commit and the offsets' commit:
            // it reads every one of these events again
            webhookEvents.stop();
            Map<TopicPartition, Long> end = endOffsets(admin);
            admin.alterConsumerGroupOffsets(GROUP, toOffsets(before)).all().get(30, TimeUnit.SECONDS);
            webhookEvents.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> readUpTo(admin, before, end));
        }

        // then
        assertEachDeliveredOnceInOneAttempt(path, webhookId, meetings);
    }

    @Test
    void a_node_stopped_in_the_middle_of_its_deliveries_and_started_again_loses_none_and_sends_none_twice()
            throws Exception {
        // given: a receiver taking 1 s a request; events waiting in Kafka for a node that sends one
        // delivery at a time (the shared context's consumer is off, so that node reads them all alone)
        String path = receiver(1000);
        String webhookId = register("alice", path);
        List<String> meetings = new ArrayList<>();
        webhookEvents.stop();
        for (int i = 0; i < 20; i++) {
            meetings.add(createMeeting("alice", meeting("Before the restart " + i)));
        }
        String oneSender = "--convene.webhooks.sender-threads=1";

        // when: the node stops (as on SIGTERM) once a few were sent, the rest committed and unsent;
        // events keep coming while it is down, and it starts again
        Instant stopping;
        try (SecondNode node = SecondNode.sharingStackOf(environment, oneSender)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> requests(path).size() >= 3);
            stopping = clock.instant();
        }
        for (int i = 0; i < 3; i++) {
            meetings.add(createMeeting("alice", meeting("While the node is down " + i)));
        }
        try (SecondNode again = SecondNode.sharingStackOf(environment, oneSender)) {
            awaitDelivered(webhookId, meetings.size());
        }

        // then
        assertEachDeliveredOnceInOneAttempt(path, webhookId, meetings);
        assertThat(committedBeforeAndSentAfter(webhookId, stopping))
                .as("deliveries the node committed but had not sent when it began to stop (its one sender "
                        + "finishes at most one after that)").isGreaterThan(1);
    }

    // --- helpers

    /** A receiver answering 200 after {@code delayMillis}; its path. */
    private static String receiver(int delayMillis) {
        String path = "/hooks/" + UUID.randomUUID();
        TestReceivers.SERVER.stubFor(WireMock.post(urlEqualTo(path)).willReturn(ok().withFixedDelay(delayMillis)));
        return path;
    }

    private String register(String user, String path) throws Exception {
        HttpResponse<String> created = post("/api/webhooks", tokens.of(user),
                Json.write(Map.of("url", TestReceivers.url(path), "eventTypes", List.of("meeting.created"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        registered.add(Json.of(created).get("id").asText());
        return Json.of(created).get("id").asText();
    }

    private static Map<String, Object> meeting(String title) {
        return Map.of("title", title, "startTime", Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES)
                .toString(), "durationMinutes", 30, "provider", "INTERNAL", "participantIds", List.of(BOB));
    }

    private static List<LoggedRequest> requests(String path) {
        return TestReceivers.SERVER.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private long countIn(String webhookId, String state) {
        return jdbc.sql("select count(*) from webhook_delivery where webhook_id = cast(:w as uuid) and state = :s")
                .param("w", webhookId).param("s", state).query(Long.class).single();
    }

    /** Deliveries committed before {@code time} whose (first) attempt was recorded after it. */
    private long committedBeforeAndSentAfter(String webhookId, Instant time) {
        return jdbc.sql("""
                        select count(*) from webhook_delivery d join webhook_attempt a on a.delivery_id = d.id
                        where d.webhook_id = cast(:w as uuid) and d.created_at < :t and a.number = 1 and a.attempted_at > :t""")
                .param("w", webhookId).param("t", Timestamp.from(time)).query(Long.class).single();
    }

    private void awaitDelivered(String webhookId, int count) {
        await().atMost(DELIVERED_WITHIN).until(() -> countIn(webhookId, "delivered") >= count);
    }

    /**
     * Every meeting's {@code meeting.created} is one delivery in the log, delivered in one attempt
     * (a 200), and reached the receiver as exactly one request under its own webhook-id; once
     * every delivery is delivered nothing may send it again (no pending claim, no retry), and no
     * late request turns up.
     */
    private void assertEachDeliveredOnceInOneAttempt(String path, String webhookId, List<String> meetings)
            throws Exception {
        List<String> messageIds = jdbc.sql("""
                        select 'msg_' || event_id from outbox_event where type = 'meeting.created' and subject in (:ids)""")
                .param("ids", meetings).query(String.class).list();
        assertThat(messageIds).hasSize(meetings.size());
        // a second request could only be one already under way: it has time to turn up
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> requests(path).size() >= meetings.size());

        Map<String, Long> byWebhookId = requests(path).stream()
                .collect(groupingBy(r -> r.getHeader("webhook-id"), counting()));
        assertThat(byWebhookId.keySet()).containsExactlyInAnyOrderElementsOf(messageIds);
        assertThat(byWebhookId).allSatisfy((id, count) -> assertThat(count).as("requests with webhook-id " + id)
                .isEqualTo(1));

        JsonNode log = Json.of(get("/api/webhooks/" + webhookId + "/deliveries?limit=100", tokens.of("alice")))
                .get("deliveries");
        assertThat(log).hasSize(meetings.size());
        assertThat(log).allSatisfy(delivery -> {
            assertThat(delivery.get("state").asText()).isEqualTo("delivered");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.get("attemptLog")).hasSize(1);
            assertThat(delivery.get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(200);
        });
    }

    // --- the consumer group's offsets

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private List<TopicPartition> partitions(Admin admin) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /** Where the (stopped) group goes on from: its committed offset, or the start of a partition it never committed. */
    private Map<TopicPartition, Long> committedOrEarliest(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> earliest = offsets(admin, OffsetSpec.earliest());
        Map<TopicPartition, Long> from = new HashMap<>(earliest);
        committed.forEach((partition, offset) -> {
            if (offset != null && partition.topic().equals(topic)) {
                from.put(partition, offset.offset());
            }
        });
        return from;
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        return offsets(admin, OffsetSpec.latest());
    }

    private Map<TopicPartition, Long> offsets(Admin admin, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions(admin).forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    private static Map<TopicPartition, OffsetAndMetadata> toOffsets(Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        offsets.forEach((p, offset) -> result.put(p, new OffsetAndMetadata(offset)));
        return result;
    }

    /** The group committed, on every partition it was rewound on, at least up to {@code end}. */
    private boolean readUpTo(Admin admin, Map<TopicPartition, Long> from, Map<TopicPartition, Long> end)
            throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        return end.entrySet().stream().filter(e -> e.getValue() > from.getOrDefault(e.getKey(), 0L))
                .allMatch(e -> committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue());
    }
}
