package io.convene.app.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.support.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Instant (Jitsi) calls land in the softphone's call log too: one log, "Recents" shows everything. */
class InstantCallLogIntegrationTest extends CallFixtures {

    @Test
    void an_instant_call_alice_made_and_bob_answered_is_in_both_call_logs_with_direction_by_who_started_it()
            throws Exception {
        online("alice", "bob");
        String id = callId("alice", List.of(BOB));
        assertThat(act("bob", "accept", id).statusCode()).isEqualTo(200);
        send("POST", "/api/calls/" + id + "/join", tokens.of("bob"), null);
        send("POST", "/api/calls/" + id + "/leave", tokens.of("bob"), null);
        send("POST", "/api/calls/" + id + "/leave", tokens.of("alice"), null);

        await().atMost(Duration.ofSeconds(30)).until(() -> row("alice", id) != null && row("bob", id) != null);
        JsonNode alices = row("alice", id);
        JsonNode bobs = row("bob", id);
        assertThat(alices.get("source").asText()).isEqualTo("call");
        assertThat(alices.get("direction").asText()).isEqualTo("out");
        assertThat(alices.get("status").asText()).isEqualTo("answered");
        assertThat(alices.get("remoteName").asText()).isEqualTo("Bob Berg");
        assertThat(bobs.get("direction").asText()).isEqualTo("in");
        assertThat(bobs.get("status").asText()).isEqualTo("answered");
        assertThat(bobs.get("userId").asText()).isEqualTo(BOB);
    }

    @Test
    void an_instant_call_carol_declined_is_declined_in_her_log_and_in_the_callers() throws Exception {
        online("alice", "carol");
        String id = callId("alice", List.of(CAROL));

        assertThat(act("carol", "decline", id).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> row("carol", id) != null);
        assertThat(row("carol", id).get("status").asText()).isEqualTo("declined");
        assertThat(row("carol", id).get("direction").asText()).isEqualTo("in");
        assertThat(row("alice", id).get("status").asText()).isEqualTo("declined");
        assertThat(Json.of(get("/api/call-log/kpis?direction=in&status=declined", tokens.of("carol"))).get("total").asLong())
                .isPositive();
    }

    private JsonNode row(String user, String callId) throws Exception {
        for (JsonNode item : Json.of(get("/api/call-log?limit=100", tokens.of(user))).get("items")) {
            if (callId.equals(item.path("callId").asText(null))) {
                return item;
            }
        }
        return null;
    }
}
