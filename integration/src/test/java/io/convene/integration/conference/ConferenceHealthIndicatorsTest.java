package io.convene.integration.conference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class ConferenceHealthIndicatorsTest {

    static final String SECRET = "a-jitsi-app-secret-of-at-least-32-bytes";

    static ConferenceProperties conference(String jitsiSecret, String publicUrl, List<String> turnUris, List<String> stunUris) {
        return new ConferenceProperties(
                new ConferenceProperties.Jitsi("meet.example.org", "convene", jitsiSecret, Duration.ofSeconds(90), publicUrl),
                new ConferenceProperties.Turn(turnUris, turnUris.isEmpty() ? null : "secret", Duration.ofHours(1), stunUris));
    }

    @Nested
    class Jitsi {

        private final WireMockServer jitsi = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

        @AfterEach
        void stop() {
            jitsi.stop();
        }

        @Test
        void a_jitsi_that_answers_is_up() {
            jitsi.start();
            jitsi.stubFor(get("/").willReturn(aResponse().withStatus(200).withBody("<html>Jitsi Meet</html>")));

            Health health = indicator(jitsi.baseUrl()).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("status", 200).containsKey("reason");
        }

        @Test
        void a_jitsi_that_answers_with_a_server_error_is_down() {
            jitsi.start();
            jitsi.stubFor(get("/").willReturn(aResponse().withStatus(502)));

            Health health = indicator(jitsi.baseUrl()).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("reason").toString()).contains("502");
        }

        @Test
        void a_jitsi_that_does_not_answer_is_down_with_the_reason() {
            jitsi.start();
            String url = jitsi.baseUrl();
            jitsi.stop(); // nothing listens there any more

            Health health = indicator(url).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("reason").toString()).startsWith("no answer from Jitsi");
        }

        @Test
        void jitsi_without_an_app_secret_is_unknown() {
            Health health = new JitsiHealthIndicator(conference(null, null, List.of(), List.of())).health();

            assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(health.getDetails().get("reason").toString()).contains("JITSI_APP_SECRET");
        }

        @Test
        void the_embedded_defaults_placeholder_jitsi_is_unknown_not_down() {
            ConferenceProperties placeholder = new ConferenceProperties(new ConferenceProperties.Jitsi(
                    ConferenceProperties.Jitsi.PLACEHOLDER_DOMAIN, "convene", SECRET, Duration.ofSeconds(90), null),
                    conference(null, null, List.of(), List.of()).turn());

            Health health = new JitsiHealthIndicator(placeholder).health();

            assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(health.getDetails().get("reason").toString()).contains("JITSI_DOMAIN");
        }

        private JitsiHealthIndicator indicator(String url) {
            return new JitsiHealthIndicator(conference(SECRET, url, List.of(), List.of()));
        }
    }

    @Nested
    class Coturn {

        @Test
        void a_server_that_answers_the_stun_binding_request_is_up() throws Exception {
            try (DatagramSocket stun = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                CompletableFuture<Void> server = CompletableFuture.runAsync(() -> answerOneBinding(stun));

                Health health = indicator("turn:127.0.0.1:" + stun.getLocalPort()).health();

                server.join();
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails().get("reason").toString()).contains("STUN Binding");
            }
        }

        @Test
        void a_server_that_does_not_answer_is_down_with_the_reason() throws Exception {
            int port;
            try (DatagramSocket closed = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                port = closed.getLocalPort();
            }

            Health health = indicator("turn:127.0.0.1:" + port).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("reason").toString()).startsWith("no answer");
        }

        @Test
        void a_turns_uri_is_probed_with_a_tcp_connect() throws Exception {
            try (ServerSocket turns = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Health health = indicator("turns:127.0.0.1:" + turns.getLocalPort() + "?transport=tcp").health();

                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails().get("reason").toString()).contains("TCP connect");
            }
        }

        @Test
        void no_turn_or_stun_uri_is_unknown() {
            Health health = new CoturnHealthIndicator(conference(null, null, List.of(), List.of())).health();

            assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(health.getDetails().get("reason").toString()).contains("TURN_URIS");
        }

        private CoturnHealthIndicator indicator(String uri) {
            return new CoturnHealthIndicator(conference(null, null, List.of(uri), List.of()));
        }

        private static void answerOneBinding(DatagramSocket stun) {
            try {
                byte[] buffer = new byte[1500];
                DatagramPacket request = new DatagramPacket(buffer, buffer.length);
                stun.receive(request);
                ByteBuffer answer = ByteBuffer.allocate(20).putShort((short) 0x0101).putShort((short) 0)
                        .put(buffer, 4, 16); // magic cookie + transaction id, echoed
                stun.send(new DatagramPacket(answer.array(), 20, request.getSocketAddress()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
