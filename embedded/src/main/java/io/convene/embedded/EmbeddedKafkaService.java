package io.convene.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one),
 * in this JVM, on a fixed port. Its log directory is formatted on the first
 * start only, so topics and records survive restarts.
 */
final class EmbeddedKafkaService implements EmbeddedService, EmbeddedKafkaControl {

    private static final String HOST = "127.0.0.1";
    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    EmbeddedKafkaService(Path logDir, int port, int controllerPort) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    @Override
    public String name() {
        return "Kafka";
    }

    @Override
    public Map<String, Object> start() throws Exception {
        Ports.requireFree(port, name());
        Files.createDirectories(logDir);
        startBroker();
        return Map.of("spring.kafka.bootstrap-servers", "localhost:" + port);
    }

    @Override
    public synchronized void startBroker() {
        if (server != null) {
            return;
        }
        KafkaConfig config = KafkaConfig.fromProps(properties(), false);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            try {
                new Formatter()
                        .setPrintStream(System.out)
                        .setNodeId(config.nodeId())
                        .setClusterId(Uuid.randomUuid().toString())
                        .setReleaseVersion(MetadataVersion.latestProduction())
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(config.metadataLogDir())
                        .addDirectory(logDir.toString())
                        .run();
            } catch (Exception e) {
                throw new IllegalStateException("cannot format Kafka storage in " + logDir, e);
            }
        }
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            starting.startup(); // returns once the broker is running
        } catch (RuntimeException e) {
            starting.shutdown();
            starting.awaitShutdown();
            throw e;
        }
        server = starting;
    }

    @Override
    public synchronized void stopBroker() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public void close() {
        stopBroker();
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        // after an unclean stop the controller holds the old registration until this session expires
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", "3000");
        return p;
    }
}
