package io.convene.integration.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.convene.integration.webhook.IndependentVerifier.expectedSignature;
import static io.convene.integration.webhook.IndependentVerifier.verifies;
import static io.convene.integration.webhook.TestEgress.BODY;
import static io.convene.integration.webhook.TestEgress.TIMESTAMP;
import static io.convene.integration.webhook.TestEgress.delivery;
import static io.convene.integration.webhook.TestEgress.newSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.convene.domain.webhook.SendOutcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a receiver gets, checked the way a receiver checks it: with its own HMAC, not our library. */
class WebhookSignatureTest {

    private final WireMockServer receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private OkHttpWebhookTransport transport;
    private String url;

    @BeforeEach
    void start() {
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(204)));
        transport = TestEgress.transport("127.0.0.1:" + receiver.port());
        url = "http://127.0.0.1:" + receiver.port() + "/hooks";
    }

    @AfterEach
    void stop() {
        transport.close();
        receiver.stop();
    }

    @Test
    void the_receiver_gets_the_standard_webhooks_headers_and_the_exact_body() {
        SendOutcome outcome = transport.send(delivery(url));

        assertThat(outcome.status()).isEqualTo(204);
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.error()).isNull();
        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("webhook-id")).isEqualTo("msg_2Q7oZ1jtbKq8");
        assertThat(request.getHeader("webhook-timestamp")).isEqualTo(Long.toString(TIMESTAMP.getEpochSecond()));
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeader("User-Agent")).isEqualTo("Convene-Webhooks/1");
        assertThat(new String(request.getBody(), StandardCharsets.UTF_8)).isEqualTo(BODY);
    }

    @Test
    void the_signature_verifies_with_an_independent_hmac_over_id_timestamp_and_body() {
        String secret = newSecret();

        transport.send(delivery(url, secret));

        LoggedRequest request = onlyRequest();
        String signature = request.getHeader("webhook-signature");
        assertThat(signature).startsWith("v1,").doesNotContain(" ");
        assertThat(verifies(secret, request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
                new String(request.getBody(), StandardCharsets.UTF_8), signature)).isTrue();
        assertThat(verifies(newSecret(), request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
                new String(request.getBody(), StandardCharsets.UTF_8), signature)).as("another secret").isFalse();
    }

    @Test
    void two_secrets_give_two_space_separated_signatures_each_valid_for_its_secret() {
        String oldSecret = newSecret();
        String newSecret = newSecret();

        transport.send(delivery(url, oldSecret, newSecret));

        LoggedRequest request = onlyRequest();
        String id = request.getHeader("webhook-id");
        String timestamp = request.getHeader("webhook-timestamp");
        String body = new String(request.getBody(), StandardCharsets.UTF_8);
        assertThat(request.getHeader("webhook-signature").split(" ")).containsExactly(
                expectedSignature(oldSecret, id, timestamp, body),
                expectedSignature(newSecret, id, timestamp, body));
    }

    @Test
    void a_secret_that_is_not_base64_is_a_bug_whose_message_never_shows_the_secret() {
        String broken = "whsec_not*base64-at-all";

        assertThatThrownBy(() -> transport.send(delivery(url, broken)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("msg_2Q7oZ1jtbKq8")
                .hasMessageNotContaining("not*base64")
                .hasNoCause();
        assertThat(receiver.getAllServeEvents()).isEmpty();
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo("/hooks")));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
