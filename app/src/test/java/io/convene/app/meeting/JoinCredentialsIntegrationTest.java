package io.convene.app.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.support.Json;
import io.convene.app.support.MeetingFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a join hands out, checked independently: the Jitsi JWT and the coturn REST credentials. */
class JoinCredentialsIntegrationTest extends MeetingFixtures {

    @Autowired
    JdbcClient jdbc;
    @Value("${convene.conference.jitsi.app-secret}")
    String jitsiSecret;
    @Value("${convene.conference.turn.secret}")
    String turnSecret;

    private com.fasterxml.jackson.databind.JsonNode join(String meeting, String user) throws Exception {
        var response = send("POST", "/api/meetings/" + meeting + "/join", tokens.of(user), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.of(response);
    }

    @Override
    protected JdbcClient jdbc() {
        return jdbc;
    }

    @Test
    void a_jitsi_join_carries_a_short_lived_jwt_with_every_claim_jitsi_checks() throws Exception {
        String meeting = createMeeting("alice", Map.of("title", "Jitsi", "provider", "JITSI",
                "startTime", Instant.now().minusSeconds(60).toString(), "participantIds", List.of(BOB)));

        JsonNode owner = join(meeting, "alice");
        JsonNode member = join(meeting, "bob");

        DecodedJWT jwt = JWT.require(Algorithm.HMAC256(jitsiSecret)).withAudience("jitsi").withIssuer("convene-test")
                .withSubject("meet.test.local").build().verify(owner.at("/jitsi/token").asText());
        String room = owner.at("/jitsi/room").asText();
        assertThat(jwt.getClaim("room").asString()).isEqualTo(room);
        Map<String, Object> user = (Map<String, Object>) jwt.getClaim("context").asMap().get("user");
        assertThat(user).containsEntry("id", ALICE).containsEntry("name", "Alice Anders").containsEntry("moderator", true);
        assertThat(jwt.getExpiresAt().toInstant()).isAfter(Instant.now().minusSeconds(5));
        assertThat(Duration.between(jwt.getNotBefore().toInstant(), jwt.getExpiresAt().toInstant()).toSeconds()).isLessThanOrEqualTo(95);
        assertThat(Duration.between(jwt.getIssuedAt().toInstant(), jwt.getExpiresAt().toInstant()).toSeconds()).isLessThanOrEqualTo(90);
        assertThat(owner.at("/jitsi/url").asText()).endsWith("/" + room);
        DecodedJWT memberJwt = JWT.decode(member.at("/jitsi/token").asText());
        assertThat(((Map<String, Object>) memberJwt.getClaim("context").asMap().get("user"))).containsEntry("moderator", false);
        assertThat(JWT.require(Algorithm.HMAC256("another-secret-of-thirty-two-bytes!!")).build()).satisfies(verifier ->
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify(owner.at("/jitsi/token").asText())));
    }

    @Test
    void an_internal_join_gives_turn_credentials_by_the_coturn_rest_formula() throws Exception {
        String meeting = createMeeting("alice", Map.of("title", "Internal", "provider", "INTERNAL",
                "startTime", Instant.now().minusSeconds(60).toString()));

        JsonNode join = join(meeting, "alice");

        assertThat(join.get("roomKey").asText()).startsWith("room-");
        JsonNode turn = join.get("iceServers").get(0);
        assertThat(turn.get("urls").get(0).asText()).isEqualTo("turn:turn.test.local:3478");
        String username = turn.get("username").asText();
        assertThat(username).endsWith(":" + ALICE);
        long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
        assertThat(expiry - Instant.now().getEpochSecond()).isBetween(3600L - 60, 3600L + 5);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(turnSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        assertThat(turn.get("credential").asText()).isEqualTo(expected);
    }

    @Test
    void an_external_join_gives_the_stored_url() throws Exception {
        String meeting = createMeeting("alice", Map.of("title", "Elsewhere", "provider", "EXTERNAL",
                "externalUrl", "https://meet.example.com/abc", "startTime", Instant.now().minusSeconds(60).toString()));

        JsonNode join = join(meeting, "alice");

        assertThat(join.get("externalUrl").asText()).isEqualTo("https://meet.example.com/abc");
        assertThat(join.get("status").asText()).isEqualTo("in_progress");
    }
}
