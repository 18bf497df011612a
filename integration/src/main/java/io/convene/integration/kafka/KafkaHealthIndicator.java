package io.convene.integration.kafka;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** Kafka is up when the cluster answers a describe within two seconds. Shown as {@code kafka}. */
@Component("kafkaHealthIndicator")
class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final Map<String, Object> adminConfig;

    KafkaHealthIndicator(KafkaAdmin admin) {
        super("Kafka is not reachable");
        this.adminConfig = admin.getConfigurationProperties();
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws Exception {
        try (AdminClient client = AdminClient.create(adminConfig)) {
            DescribeClusterResult cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs(2000));
            health.up()
                    .withDetail("clusterId", cluster.clusterId().get(2, TimeUnit.SECONDS))
                    .withDetail("brokers", cluster.nodes().get(2, TimeUnit.SECONDS).size());
        }
    }
}
