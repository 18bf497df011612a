package io.convene.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.app.support.StackTestBase;
import org.junit.jupiter.api.Test;

/** Health of every real part, Prometheus metrics, the OpenAPI document. */
class ObservabilityIntegrationTest extends StackTestBase {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void health_reports_database_kafka_object_storage_and_identity_provider_up() throws Exception {
        JsonNode health = json.readTree(get("/actuator/health", null).body());

        assertThat(health.get("status").asText()).isEqualTo("UP");
        for (String component : new String[] {"db", "kafka", "objectStorage", "identityProvider", "processEngine"}) {
            assertThat(health.at("/components/" + component + "/status").asText()).as(component).isEqualTo("UP");
        }
        assertThat(health.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
    }

    @Test
    void prometheus_exposes_the_outbox_and_timer_metrics() throws Exception {
        String metrics = get("/actuator/prometheus", null).body();

        assertThat(metrics).contains("convene_outbox_pending", "convene_outbox_published_total",
                "convene_timer_lateness_seconds", "jvm_memory_used_bytes");
    }

    @Test
    void the_openapi_document_describes_the_api() throws Exception {
        JsonNode openapi = json.readTree(get("/v3/api-docs", null).body());

        assertThat(openapi.get("openapi").asText()).startsWith("3.");
        assertThat(openapi.get("paths").has("/api/me")).isTrue();
        assertThat(openapi.get("paths").has("/api/ops/timer-probes")).isTrue();
    }
}
