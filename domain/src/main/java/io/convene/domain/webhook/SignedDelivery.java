package io.convene.domain.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One request to send, Standard Webhooks v1: {@code messageId} is the {@code webhook-id}
 * header (the same on every attempt of a delivery), {@code timestamp} the
 * {@code webhook-timestamp}, {@code body} the exact bytes signed and sent (JSON), and
 * {@code secrets} the {@code whsec_…} secrets to sign with — two during a rotation's overlap,
 * giving two space-separated signatures.
 */
public record SignedDelivery(URI url, String messageId, Instant timestamp, String body, List<String> secrets) {

    public SignedDelivery {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(body, "body");
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret signs a delivery");
        }
    }

    @Override
    public String toString() { // never the secrets
        return "SignedDelivery[" + url + ", " + messageId + "]";
    }
}
