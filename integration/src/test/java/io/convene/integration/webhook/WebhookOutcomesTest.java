package io.convene.integration.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.convene.integration.webhook.TestEgress.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.convene.domain.webhook.SendOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one attempt reports back: status, excerpt, error, Retry-After. */
class WebhookOutcomesTest {

    private final WireMockServer receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private OkHttpWebhookTransport transport;
    private String url;

    @BeforeEach
    void start() {
        receiver.start();
        transport = TestEgress.transport("127.0.0.1:" + receiver.port());
        url = "http://127.0.0.1:" + receiver.port() + "/hooks";
    }

    @AfterEach
    void stop() {
        transport.close();
        receiver.stop();
    }

    @Test
    void a_server_error_reports_its_status_and_the_start_of_its_answer() {
        answer(aResponse().withStatus(500).withBody("e".repeat(5000)));

        SendOutcome outcome = transport.send(delivery(url));

        assertThat(outcome.status()).isEqualTo(500);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.responseExcerpt()).hasSize(1024).matches("e+");
        assertThat(outcome.error()).isNull();
        assertThat(outcome.retryAfter()).isNull();
    }

    @Test
    void gone_is_reported_as_gone() {
        answer(aResponse().withStatus(410));

        assertThat(transport.send(delivery(url)).gone()).isTrue();
    }

    @Test
    void too_many_requests_with_retry_after_seconds_asks_for_that_delay() {
        answer(aResponse().withStatus(429).withHeader("Retry-After", "7"));

        SendOutcome outcome = transport.send(delivery(url));

        assertThat(outcome.status()).isEqualTo(429);
        assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void a_retry_after_longer_than_the_maximum_is_capped() {
        answer(aResponse().withStatus(503).withHeader("Retry-After", "86400"));

        assertThat(transport.send(delivery(url)).retryAfter()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_retry_after_of_zero_is_raised_to_one_second() {
        answer(aResponse().withStatus(429).withHeader("Retry-After", "0"));

        assertThat(transport.send(delivery(url)).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_retry_after_date_counts_from_the_receivers_own_date() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0).minusDays(3); // its clock is off: no matter
        answer(aResponse().withStatus(503)
                .withHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(now))
                .withHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(120))));

        assertThat(transport.send(delivery(url)).retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void retry_after_is_ignored_on_other_statuses() {
        answer(aResponse().withStatus(500).withHeader("Retry-After", "7"));

        assertThat(transport.send(delivery(url)).retryAfter()).isNull();
    }

    @Test
    void a_slow_receiver_times_out_within_the_call_timeout() {
        answer(aResponse().withStatus(200).withFixedDelay(2_000));
        try (OkHttpWebhookTransport impatient = new OkHttpWebhookTransport(
                TestEgress.properties(Duration.ofMillis(500), "127.0.0.1:" + receiver.port()), Clock.systemUTC())) {

            SendOutcome outcome = impatient.send(delivery(url));

            assertThat(outcome.status()).isZero();
            assertThat(outcome.error()).startsWith("timed out");
            assertThat(outcome.durationMillis()).isBetween(400L, 1_500L);
        }
    }

    @Test
    void a_receiver_that_is_not_listening_is_a_connection_failure() {
        int port = receiver.port();
        receiver.stop();

        SendOutcome outcome = transport.send(delivery("http://127.0.0.1:" + port + "/hooks"));

        assertThat(outcome.status()).isZero();
        assertThat(outcome.error()).startsWith("connection failed");
    }

    private void answer(ResponseDefinitionBuilder response) {
        receiver.stubFor(any(anyUrl()).willReturn(response));
    }
}
