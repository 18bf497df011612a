package io.convene.integration.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.convene.domain.webhook.SignedDelivery;
import java.util.LinkedHashSet;
import java.util.StringJoiner;

/**
 * The {@code webhook-signature} header of a delivery: one {@code v1,<base64 HMAC-SHA256>} per
 * secret over {@code id.timestamp.body}, space-separated (Standard Webhooks: a receiver accepts a
 * delivery when any signature matches, so both secrets of a rotation's overlap verify).
 */
final class Signatures {

    private Signatures() {
    }

    /**
     * @throws IllegalArgumentException when a secret is not {@code whsec_<base64>} — a bug or
     *         corrupt data, not a delivery outcome; the message never holds the secret
     */
    static String header(SignedDelivery delivery) {
        long timestamp = delivery.timestamp().getEpochSecond();
        StringJoiner signatures = new StringJoiner(" ");
        int index = 0;
        for (String secret : new LinkedHashSet<>(delivery.secrets())) {
            try {
                signatures.add(new Webhook(secret).sign(delivery.messageId(), timestamp, delivery.body()));
            } catch (EmptyWebhookSecretException | WebhookSigningException | IllegalArgumentException e) {
                // no cause: Base64's message names the offending character of the secret
                throw new IllegalArgumentException("secret " + index + " of webhook delivery " + delivery.messageId()
                        + " cannot sign: it is not whsec_ followed by base64");
            }
            index++;
        }
        return signatures.toString();
    }
}
