package io.convene.integration.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.convene.integration.webhook.TestEgress.delivery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.convene.domain.webhook.SendOutcome;
import io.convene.domain.webhook.UnsafeUrlException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The egress rules, at registration ({@code check}) and at every send. Each forbidden URL points
 * at a live receiver's port, so a leak would show up as a request it received.
 */
class WebhookEgressTest {

    private final WireMockServer receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final WireMockServer elsewhere = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private OkHttpWebhookTransport strict;

    @BeforeEach
    void start() {
        receiver.start();
        elsewhere.start();
        receiver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        elsewhere.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        strict = TestEgress.transport();
    }

    @AfterEach
    void stop() {
        strict.close();
        receiver.stop();
        elsewhere.stop();
    }

    @Test
    void the_test_jvm_resolves_names_from_the_test_hosts_file() throws Exception {
        // surefire's argLine sets jdk.net.hosts.file; run from an IDE without it, the name cases below mean nothing
        assertThat(InetAddress.getByName("internal.example.test").getHostAddress())
                .as("-Djdk.net.hosts.file=src/test/resources/webhook/hosts on the test JVM").isEqualTo("10.0.0.1");
        assertThat(InetAddress.getAllByName("rebinding.example.test")).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:%d/hooks",
            "http://10.0.0.1:%d/hooks",
            "http://169.254.169.254:%d/latest/meta-data/",
            "http://[::1]:%d/hooks",
            "http://[::ffff:127.0.0.1]:%d/hooks",
            "http://[::127.0.0.1]:%d/hooks",
            "http://[fd00:ec2::254]:%d/hooks",
            "http://100.64.0.1:%d/hooks",
            "http://2130706433:%d/hooks",
            "http://0x7f.1:%d/hooks",
            "http://017700000001:%d/hooks",
            "http://127.1:%d/hooks",
            "http://0177.0.0.1:%d/hooks",
            "http://internal.example.test:%d/hooks",
            "http://loopback.example.test:%d/hooks",
            "http://metadata.example.test:%d/hooks",
            "http://rebinding.example.test:%d/hooks",
            "http://metadata.google.internal:%d/computeMetadata/v1/",
            "http://localhost:%d/hooks",
    })
    void a_forbidden_target_is_refused_at_registration(String template) {
        URI url = URI.create(template.formatted(receiver.port()));

        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(UnsafeUrlException.class)
                .hasMessageStartingWith("the URL's host ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:%d/hooks",
            "http://10.0.0.1:%d/hooks",
            "http://169.254.169.254:%d/latest/meta-data/",
            "http://[::1]:%d/hooks",
            "http://[::ffff:127.0.0.1]:%d/hooks",
            "http://[::127.0.0.1]:%d/hooks",
            "http://2130706433:%d/hooks",
            "http://0x7f.1:%d/hooks",
            "http://127.1:%d/hooks",
            "http://internal.example.test:%d/hooks",
            "http://loopback.example.test:%d/hooks",
            "http://rebinding.example.test:%d/hooks",
            "http://localhost:%d/hooks",
    })
    void a_forbidden_target_is_refused_at_send_without_a_request(String template) {
        SendOutcome outcome = strict.send(delivery(template.formatted(receiver.port())));

        assertThat(outcome.status()).isZero();
        assertThat(outcome.error()).startsWith("refused: ");
        assertThat(outcome.succeeded()).isFalse();
        assertThat(receiver.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d/hooks", "http://[::1]:%d/hooks", "http://169.254.169.254:%d/"})
    void an_address_literal_skips_the_dns_and_is_stopped_by_the_socket_pin(String template) {
        SendOutcome outcome = strict.send(delivery(template.formatted(receiver.port())));

        assertThat(outcome.error()).startsWith("refused: the connection would go to ");
    }

    @Test
    void a_public_address_passes_the_check() {
        assertThatCode(() -> strict.check(URI.create("https://public.example.test/hooks"))).doesNotThrowAnyException();
        assertThatCode(() -> strict.check(URI.create("http://8.8.8.8:8443/hooks?token=x"))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://public.example.test/", "file:///etc/passwd", "gopher://public.example.test/",
            "/relative/path", "http://public.example.test:0/", "http://public.example.test:65536/"})
    void a_url_that_is_not_http_with_a_host_and_a_sane_port_is_refused(String url) {
        assertThatThrownBy(() -> strict.check(URI.create(url))).isInstanceOf(UnsafeUrlException.class)
                .hasMessageContaining("absolute http or https URL");
    }

    @Test
    void a_url_with_user_info_is_refused() {
        assertThatThrownBy(() -> strict.check(URI.create("https://user:pw@public.example.test/")))
                .isInstanceOf(UnsafeUrlException.class).hasMessage("the URL must not contain a user name or password");
        assertThatThrownBy(() -> strict.check(URI.create("https://@public.example.test/")))
                .isInstanceOf(UnsafeUrlException.class).hasMessage("the URL must not contain a user name or password");
    }

    @Test
    void a_name_that_does_not_resolve_is_refused() {
        assertThatThrownBy(() -> strict.check(URI.create("https://nowhere.example.test/")))
                .isInstanceOf(UnsafeUrlException.class).hasMessage("the URL's host does not resolve");
    }

    @Test
    void http_is_refused_when_https_is_required() {
        WebhookEgressProperties https = new WebhookEgressProperties(true, List.of(), Duration.ofSeconds(5),
                Duration.ofSeconds(15), TestEgress.properties(Duration.ofSeconds(1)).responseExcerpt(),
                Duration.ofHours(1), 8, Duration.ofSeconds(30));
        try (OkHttpWebhookTransport transport = new OkHttpWebhookTransport(https, Clock.systemUTC())) {
            assertThatThrownBy(() -> transport.check(URI.create("http://public.example.test/hooks")))
                    .isInstanceOf(UnsafeUrlException.class).hasMessage("the URL must use https");
            assertThatCode(() -> transport.check(URI.create("https://public.example.test/hooks"))).doesNotThrowAnyException();
            assertThat(transport.send(delivery("http://public.example.test/hooks")).error())
                    .isEqualTo("refused: the URL must use https");
        }
    }

    @Test
    void an_allow_listed_target_is_reachable_but_the_same_host_on_another_port_is_refused() {
        try (OkHttpWebhookTransport transport = TestEgress.transport("127.0.0.1:" + receiver.port())) {
            assertThatCode(() -> transport.check(URI.create("http://127.0.0.1:" + receiver.port() + "/hooks")))
                    .doesNotThrowAnyException();
            assertThat(transport.send(delivery("http://127.0.0.1:" + receiver.port() + "/hooks")).status()).isEqualTo(200);

            assertThatThrownBy(() -> transport.check(URI.create("http://127.0.0.1:" + elsewhere.port() + "/hooks")))
                    .isInstanceOf(UnsafeUrlException.class).hasMessageContaining("loopback");
            SendOutcome otherPort = transport.send(delivery("http://127.0.0.1:" + elsewhere.port() + "/hooks"));
            assertThat(otherPort.status()).isZero();
            assertThat(otherPort.error()).startsWith("refused: ");
            assertThat(elsewhere.getAllServeEvents()).isEmpty();
        }
    }

    @Test
    void the_allow_list_is_exact_about_the_host_too() {
        try (OkHttpWebhookTransport transport = TestEgress.transport("127.0.0.1:" + receiver.port())) {
            for (String host : List.of("loopback.example.test", "2130706433", "localhost")) {
                String url = "http://" + host + ":" + receiver.port() + "/hooks";
                assertThatThrownBy(() -> transport.check(URI.create(url))).isInstanceOf(UnsafeUrlException.class);
                assertThat(transport.send(delivery(url)).error()).as(url).startsWith("refused: ");
            }
            assertThat(receiver.getAllServeEvents()).isEmpty();
        }
    }

    @Test
    void a_redirect_is_a_failure_and_is_not_followed_even_to_an_allowed_target() {
        try (OkHttpWebhookTransport transport = TestEgress.transport(
                "127.0.0.1:" + receiver.port(), "127.0.0.1:" + elsewhere.port())) {
            receiver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", "http://127.0.0.1:" + elsewhere.port() + "/")));

            SendOutcome outcome = transport.send(delivery("http://127.0.0.1:" + receiver.port() + "/hooks"));

            assertThat(outcome.status()).isEqualTo(302);
            assertThat(outcome.succeeded()).isFalse();
            assertThat(outcome.error()).isEqualTo("redirect not followed");
            assertThat(elsewhere.getAllServeEvents()).isEmpty();
        }
    }
}
