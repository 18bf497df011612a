package io.convene.app.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.support.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The embedded default joins calls and JITSI meetings without any Jitsi configuration: the
 * tests' stack sets no app secret, so the one made in the data folder signs the tokens.
 */
class JitsiOutOfTheBoxIntegrationTest extends CallFixtures {

    @Value("${convene.data-dir}")
    String dataDir;

    @Test
    void a_call_is_joined_with_a_jwt_signed_by_the_data_folders_secret() throws Exception {
        online("alice", "bob");
        String id = callId("alice", List.of(BOB));
        act("bob", "accept", id);

        HttpResponse<String> join = send("POST", "/api/calls/" + id + "/join", tokens.of("bob"), null);

        assertThat(join.statusCode()).as(join.body()).isEqualTo(200);
        JsonNode body = Json.of(join);
        String token = body.get("token").asText();
        JWT.require(Algorithm.HMAC256(secret())).withAudience("jitsi").withClaim("room", body.at("/jitsi_config/room").asText())
                .build().verify(token);
        send("DELETE", "/api/calls/" + id, tokens.of("alice"), null);
    }

    @Test
    void a_jitsi_meeting_is_joined_with_a_room_url_and_jwt() throws Exception {
        HttpResponse<String> created = post("/api/meetings", tokens.of("alice"), Json.write(Map.of("title", "Jitsi",
                "provider", "JITSI", "startTime", Instant.now().minusSeconds(60).toString())));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String meeting = Json.of(created).get("meetingId").asText();

        HttpResponse<String> join = send("POST", "/api/meetings/" + meeting + "/join", tokens.of("alice"), null);

        assertThat(join.statusCode()).as(join.body()).isEqualTo(200);
        JsonNode jitsi = Json.of(join).get("jitsi");
        assertThat(jitsi.get("url").asText()).endsWith("/" + jitsi.get("room").asText());
        JWT.require(Algorithm.HMAC256(secret())).build().verify(jitsi.get("token").asText());
    }

    private String secret() throws Exception {
        String secret = Files.readString(Path.of(dataDir, "jitsi", "app-secret")).trim();
        assertThat(secret).hasSize(64);
        return secret;
    }
}
