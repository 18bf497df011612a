package io.convene.domain.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered receiver. {@code eventTypes} are catalogue types or {@code *}; an org-wide
 * webhook (admins only) receives every event, a user's those of meetings and calls the owner
 * may see. {@code secret} and {@code previousSecret} are ciphertexts ({@link SecretBox}); the
 * previous one signs too until {@code previousSecretUntil} (a rotation's overlap).
 * {@code disabledReason} says why an inactive webhook stopped: {@code exhausted}, {@code gone},
 * or null when its owner switched it off.
 */
public record Webhook(UUID id, String ownerId, boolean orgWide, String url, List<String> eventTypes,
                      String description, boolean active, String disabledReason, Instant disabledAt,
                      byte[] secret, byte[] previousSecret, Instant previousSecretUntil,
                      Instant createdAt, Instant updatedAt) {

    public static final String ALL = "*";

    public Webhook {
        eventTypes = List.copyOf(eventTypes);
    }

    public boolean wants(String eventType) {
        return eventTypes.contains(ALL) || eventTypes.contains(eventType);
    }

    @Override
    public String toString() { // never the secrets
        return "Webhook[" + id + ", " + url + "]";
    }
}
