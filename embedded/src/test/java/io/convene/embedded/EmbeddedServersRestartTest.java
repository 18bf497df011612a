package io.convene.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps its data: a restarted server finds what the first one wrote. */
class EmbeddedServersRestartTest {

    @TempDir
    Path data;

    @Test
    void postgres_finds_its_rows_after_a_restart() throws Exception {
        int port = Ports.resolve(0);
        Map<String, Object> props = start(new EmbeddedPostgresService(data.resolve("pg"), port, true), service -> {
            try (Connection db = connect(port)) {
                db.createStatement().execute("create table kept (value text)");
                db.createStatement().execute("insert into kept values ('first run')");
            }
        });
        assertThat(props).containsKey("spring.datasource.url");

        start(new EmbeddedPostgresService(data.resolve("pg"), port, true), service -> {
            try (Connection db = connect(port); ResultSet rows = db.createStatement().executeQuery("select value from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("first run");
            }
        });
    }

    @Test
    void kafka_keeps_its_records_after_a_restart_without_reformatting() throws Exception {
        int port = Ports.resolve(0);
        int controller = Ports.resolve(0);
        start(new EmbeddedKafkaService(data.resolve("kafka"), port, controller), service -> {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                producer.send(new ProducerRecord<>("kept", "k", "first run")).get();
            }
        });

        start(new EmbeddedKafkaService(data.resolve("kafka"), port, controller), service -> {
            assertThat(readAll(port, "kept")).containsExactly("first run");
        });
    }

    @Test
    void a_port_in_use_fails_fast_with_a_message_a_person_can_act_on() throws Exception {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            EmbeddedS3Service s3 = new EmbeddedS3Service(data.resolve("s3"), socket.getLocalPort());
            org.assertj.core.api.Assertions.assertThatThrownBy(s3::start)
                    .hasMessageContaining("port " + socket.getLocalPort())
                    .hasMessageContaining("already in use");
        }
    }

    interface WhileRunning {
        void run(EmbeddedService service) throws Exception;
    }

    private static Map<String, Object> start(EmbeddedService service, WhileRunning body) throws Exception {
        try (service) {
            Map<String, Object> properties = service.start();
            body.run(service);
            return properties;
        }
    }

    private static Connection connect(int port) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
    }

    private static List<String> readAll(int port, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-test");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
