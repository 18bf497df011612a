package io.convene.integration.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.convene.domain.conference.IceServer;
import io.convene.domain.conference.JitsiJoin;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ConferenceAccessAdapterTest {

    static final Instant NOW = Instant.parse("2030-05-17T09:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String APP_SECRET = "a-jitsi-app-secret-of-at-least-32-bytes";
    static final String TURN_SECRET = "coturn-static-auth-secret";

    static ConferenceProperties.Jitsi jitsi(String secret) {
        return new ConferenceProperties.Jitsi("meet.example.org", "convene", secret, Duration.ofSeconds(90), null);
    }

    static ConferenceProperties.Turn turn(List<String> uris, String secret, List<String> stunUris) {
        return new ConferenceProperties.Turn(uris, secret, Duration.ofHours(1), stunUris);
    }

    static ConferenceAccessAdapter adapter(ConferenceProperties.Jitsi jitsi, ConferenceProperties.Turn turn) {
        return new ConferenceAccessAdapter(new ConferenceProperties(jitsi, turn), CLOCK);
    }

    static ConferenceAccessAdapter adapter() {
        return adapter(jitsi(APP_SECRET),
                turn(List.of("turn:turn.example.org:3478", "turns:turn.example.org:5349"), TURN_SECRET,
                        List.of("stun:stun.example.org:3478")));
    }

    /** Verifies with java-jwt at our fixed instant, so nbf/exp are checked against the same "now". */
    static DecodedJWT verify(String token, String secret) {
        JWTVerifier verifier = ((JWTVerifier.BaseVerification) JWT.require(Algorithm.HMAC256(secret))
                .withAudience("jitsi"))
                .build(CLOCK);
        return verifier.verify(token);
    }

    @Nested
    class Jitsi {

        @Test
        void the_token_is_signed_with_the_app_secret_and_carries_every_claim_prosody_checks() {
            // given
            ConferenceAccessAdapter adapter = adapter();

            // when
            JitsiJoin join = adapter.jitsi("standup-4711", "user-42", "Ada Lovelace", true);

            // then
            DecodedJWT jwt = verify(join.token(), APP_SECRET);
            assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
            assertThat(jwt.getType()).isEqualTo("JWT");
            assertThat(jwt.getAudience()).containsExactly("jitsi");
            assertThat(jwt.getIssuer()).isEqualTo("convene");
            assertThat(jwt.getSubject()).isEqualTo("meet.example.org");
            assertThat(jwt.getClaim("room").asString()).isEqualTo("standup-4711");
            assertThat(jwt.getClaim("moderator").asBoolean()).isTrue();
            assertThat(jwt.getClaim("context").asMap())
                    .containsEntry("user", Map.of("id", "user-42", "name", "Ada Lovelace", "moderator", true));
            assertThat(jwt.getIssuedAtAsInstant()).isEqualTo(NOW);
            assertThat(jwt.getNotBeforeAsInstant()).isEqualTo(NOW.minusSeconds(5));
            assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(NOW.plusSeconds(90));
            assertThat(Duration.between(jwt.getIssuedAtAsInstant(), jwt.getExpiresAtAsInstant()))
                    .isLessThanOrEqualTo(Duration.ofSeconds(90));
        }

        @Test
        void aud_is_a_plain_string_as_prosody_compares_it() {
            // given
            ConferenceAccessAdapter adapter = adapter();

            // when
            String token = adapter.jitsi("room", "user-42", "Ada", false).token();

            // then
            String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            assertThat(payload).contains("\"aud\":\"jitsi\"");
        }

        @Test
        void a_participant_is_not_a_moderator_in_either_claim() {
            // given
            ConferenceAccessAdapter adapter = adapter();

            // when
            DecodedJWT jwt = verify(adapter.jitsi("room", "user-7", "Grace", false).token(), APP_SECRET);

            // then
            assertThat(jwt.getClaim("moderator").asBoolean()).isFalse();
            assertThat(jwt.getClaim("context").asMap().get("user")).isEqualTo(
                    Map.of("id", "user-7", "name", "Grace", "moderator", false));
        }

        @Test
        void the_join_names_the_domain_the_room_its_url_and_the_token_expiry() {
            // given
            ConferenceAccessAdapter adapter = adapter();

            // when
            JitsiJoin join = adapter.jitsi("standup-4711", "user-42", "Ada", false);

            // then
            assertThat(join.domain()).isEqualTo("meet.example.org");
            assertThat(join.room()).isEqualTo("standup-4711");
            assertThat(join.url()).isEqualTo("https://meet.example.org/standup-4711");
            assertThat(join.expiresAt()).isEqualTo(NOW.plusSeconds(90))
                    .isEqualTo(JWT.decode(join.token()).getExpiresAtAsInstant());
        }

        @Test
        void the_room_url_needs_no_secret() {
            // given
            ConferenceAccessAdapter adapter = adapter(jitsi(null), turn(List.of(), null, List.of()));

            // when / then
            assertThat(adapter.jitsiRoomUrl("call-1")).isEqualTo("https://meet.example.org/call-1");
        }

        @Test
        void a_token_does_not_verify_with_another_secret() {
            // given
            String token = adapter().jitsi("room", "user-42", "Ada", true).token();

            // when / then
            assertThatThrownBy(() -> verify(token, "another-secret-that-is-also-32-bytes-long"))
                    .isInstanceOf(SignatureVerificationException.class);
        }

        @Test
        void without_an_app_secret_no_token_is_issued() {
            // given
            ConferenceAccessAdapter adapter = adapter(jitsi(null), turn(List.of(), null, List.of()));

            // when / then
            assertThatThrownBy(() -> adapter.jitsi("room", "user-42", "Ada", true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("JITSI_APP_SECRET is not configured");
        }
    }

    @Nested
    class Turn {

        @Test
        void turn_credentials_follow_the_coturn_rest_api_formula() throws Exception {
            // given
            ConferenceAccessAdapter adapter = adapter();

            // when
            IceServer turn = adapter.iceServers("user-42").get(1);

            // then
            long expiry = NOW.plus(Duration.ofHours(1)).getEpochSecond();
            assertThat(turn.urls()).containsExactly("turn:turn.example.org:3478", "turns:turn.example.org:5349");
            assertThat(turn.username()).isEqualTo(expiry + ":user-42");
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(TURN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String expected = Base64.getEncoder().encodeToString(
                    mac.doFinal(turn.username().getBytes(StandardCharsets.UTF_8)));
            assertThat(turn.credential()).isEqualTo(expected);
        }

        @Test
        void stun_servers_come_first_and_carry_no_credentials() {
            // given
            ConferenceAccessAdapter adapter = adapter();

            // when
            List<IceServer> servers = adapter.iceServers("user-42");

            // then
            assertThat(servers).hasSize(2);
            assertThat(servers.get(0)).isEqualTo(new IceServer(List.of("stun:stun.example.org:3478"), null, null));
        }

        @Test
        void nothing_configured_means_no_ice_servers() {
            // given
            ConferenceAccessAdapter adapter = adapter(jitsi(APP_SECRET), turn(List.of(), null, List.of()));

            // when / then
            assertThat(adapter.iceServers("user-42")).isEmpty();
        }

        @Test
        void turn_uris_without_a_secret_are_a_configuration_error() {
            // given
            ConferenceAccessAdapter adapter = adapter(jitsi(APP_SECRET),
                    turn(List.of("turn:turn.example.org:3478"), null, List.of()));

            // when / then
            assertThatThrownBy(() -> adapter.iceServers("user-42"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TURN_SECRET");
        }
    }

    @Nested
    class Properties {

        static ConferenceProperties bind(Map<String, String> values) {
            return new Binder(new MapConfigurationPropertySource(values))
                    .bindOrCreate("convene.conference", ConferenceProperties.class);
        }

        @Test
        void unset_properties_fall_back_to_the_documented_defaults() {
            // when
            ConferenceProperties properties = bind(Map.of());

            // then
            assertThat(properties.jitsi()).isEqualTo(new ConferenceProperties.Jitsi(
                    "meet.jitsi.local", "convene", null, Duration.ofSeconds(90), "https://meet.jitsi.local"));
            assertThat(properties.turn()).isEqualTo(
                    new ConferenceProperties.Turn(List.of(), null, Duration.ofHours(1), List.of()));
        }

        @Test
        void empty_env_placeholders_count_as_not_configured_and_uris_are_comma_separated() {
            // when
            ConferenceProperties properties = bind(Map.of(
                    "convene.conference.jitsi.domain", "meet.example.org",
                    "convene.conference.jitsi.app-secret", "",
                    "convene.conference.jitsi.public-url", "",
                    "convene.conference.turn.uris", "turn:a.example.org:3478, turns:a.example.org:5349,",
                    "convene.conference.turn.secret", "",
                    "convene.conference.turn.ttl", "30m",
                    "convene.conference.turn.stun-uris", ""));

            // then
            assertThat(properties.jitsi().appSecret()).isNull();
            assertThat(properties.jitsi().publicUrl()).isEqualTo("https://meet.example.org");
            assertThat(properties.turn().uris()).containsExactly("turn:a.example.org:3478", "turns:a.example.org:5349");
            assertThat(properties.turn().secret()).isNull();
            assertThat(properties.turn().ttl()).isEqualTo(Duration.ofMinutes(30));
            assertThat(properties.turn().stunUris()).isEmpty();
        }

        @Test
        void a_token_ttl_over_90_seconds_is_rejected_at_startup() {
            // when / then
            assertThatThrownBy(() -> new ConferenceProperties.Jitsi(
                    "meet.example.org", "convene", APP_SECRET, Duration.ofSeconds(91), null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("90s");
        }

        @Test
        void an_app_secret_too_short_for_hs256_is_rejected_at_startup() {
            // when / then
            assertThatThrownBy(() -> new ConferenceProperties.Jitsi(
                    "meet.example.org", "convene", "short", Duration.ofSeconds(90), null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("JITSI_APP_SECRET");
        }
    }
}
