package io.convene.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.app.support.StackTestBase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Health of every real part, Prometheus metrics, the OpenAPI document. */
class ObservabilityIntegrationTest extends StackTestBase {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void health_shows_an_admin_database_kafka_object_storage_and_identity_provider_up() throws Exception {
        JsonNode health = json.readTree(get("/actuator/health", tokens.of("admin")).body());

        for (String component : new String[] {"db", "kafka", "objectStorage", "identityProvider", "processEngine"}) {
            assertThat(health.at("/components/" + component + "/status").asText()).as(component).isEqualTo("UP");
        }
        assertThat(health.at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
    }

    @Test
    void the_readiness_probe_is_up() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json.readTree(readiness.body()).get("status").asText()).isEqualTo("UP");
    }

    @Test
    void health_shows_no_details_to_anyone_but_admins() throws Exception {
        for (String token : new String[] {null, tokens.of("alice")}) {
            JsonNode health = json.readTree(get("/actuator/health", token).body());

            assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/db/details").isMissingNode()).isTrue();
            assertThat(health.at("/components/jitsi/details").isMissingNode()).isTrue();
        }
    }

    @Test
    void jitsi_and_coturn_are_health_components_for_admins() throws Exception {
        JsonNode health = json.readTree(get("/actuator/health", tokens.of("admin")).body());

        // the test profile names a Jitsi and a TURN server that do not exist (meet.test.local, turn.test.local)
        assertThat(health.at("/components/jitsi/status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/components/jitsi/details/reason").asText()).startsWith("no answer from Jitsi");
        assertThat(health.at("/components/coturn/status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/components/coturn/details/uri").asText()).isEqualTo("turn:turn.test.local:3478");
    }

    @Test
    void health_jitsi_and_health_coturn_answer_signed_in_users_with_status_and_reason() throws Exception {
        for (String peer : new String[] {"jitsi", "coturn"}) {
            HttpResponse<String> response = get("/health/" + peer, tokens.of("alice"));

            assertThat(response.statusCode()).as(peer).isEqualTo(503);
            JsonNode health = json.readTree(response.body());
            assertThat(health.get("status").asText()).isEqualTo("DOWN");
            assertThat(health.get("reason").asText()).as(peer).startsWith("no answer");
        }
    }

    @Test
    void health_jitsi_needs_a_token() throws Exception {
        HttpResponse<String> response = get("/health/jitsi", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void prometheus_is_for_admins_only() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        HttpResponse<String> alice = get("/actuator/prometheus", tokens.of("alice"));

        assertThat(alice.statusCode()).isEqualTo(403);
        assertThat(alice.body()).doesNotContain("jvm_memory_used_bytes");
    }

    @Test
    void prometheus_exposes_the_outbox_timer_and_call_metrics() throws Exception {
        String metrics = get("/actuator/prometheus", tokens.of("admin")).body();

        assertThat(metrics).contains("convene_outbox_pending", "convene_outbox_published_total",
                "convene_timer_lateness_seconds", "jvm_memory_used_bytes");
        // registered when the app starts, at 0 (so a rate is 0 rather than absent)
        assertThat(metrics).contains("convene_calls_placed_total{application=\"convene\",kind=\"instant\"}",
                "convene_calls_placed_total{application=\"convene\",kind=\"inbound\"}");
        for (String outcome : new String[] {"answered", "declined", "timed_out", "cancelled"}) {
            assertThat(metrics).contains("convene_calls_rings_total{application=\"convene\",outcome=\"" + outcome + "\"}");
        }
    }

    @Test
    void the_openapi_document_describes_the_api() throws Exception {
        JsonNode openapi = json.readTree(get("/v3/api-docs", null).body());

        assertThat(openapi.get("openapi").asText()).startsWith("3.");
        assertThat(openapi.get("paths").has("/api/me")).isTrue();
        assertThat(openapi.get("paths").has("/api/ops/timer-probes")).isTrue();
    }
}
