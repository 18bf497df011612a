package io.convene.integration.webhook;

import io.convene.domain.webhook.SignedDelivery;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.springframework.util.unit.DataSize;

/** Settings, secrets and deliveries for the webhook transport tests. */
final class TestEgress {

    static final Instant TIMESTAMP = Instant.parse("2026-11-25T10:15:30Z");
    static final String BODY = "{\"type\":\"call.started\",\"timestamp\":\"2026-11-25T10:15:30Z\",\"data\":{\"callId\":\"c-1\",\"name\":\"Café\"}}";

    private TestEgress() {
    }

    static WebhookEgressProperties properties(Duration callTimeout, String... allowedTargets) {
        return new WebhookEgressProperties(false, Arrays.asList(allowedTargets), Duration.ofSeconds(5), callTimeout,
                DataSize.ofBytes(1024), Duration.ofHours(1), 256, Duration.ofSeconds(30));
    }

    static OkHttpWebhookTransport transport(String... allowedTargets) {
        return new OkHttpWebhookTransport(properties(Duration.ofSeconds(15), allowedTargets), Clock.systemUTC());
    }

    static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    static SignedDelivery delivery(String url, String... secrets) {
        List<String> signWith = secrets.length == 0 ? List.of(newSecret()) : List.of(secrets);
        return new SignedDelivery(URI.create(url), "msg_2Q7oZ1jtbKq8", TIMESTAMP, BODY, signWith);
    }
}
