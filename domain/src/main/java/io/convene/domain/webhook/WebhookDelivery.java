package io.convene.domain.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event for one webhook: {@code messageId} is the {@code webhook-id} header on every
 * attempt, {@code body} the exact JSON sent. States: {@code pending} (no attempt yet),
 * {@code retrying} (the webhook-delivery process owns it), {@code delivered}, {@code failed}
 * (the schedule ran out, or the receiver answered 410), {@code skipped} (the webhook was
 * disabled when the event came, or before a retry: replayable once it is enabled again).
 */
public record WebhookDelivery(UUID id, UUID webhookId, UUID eventId, String messageId, String eventType, String body,
                              String state, int attempts, Instant createdAt, Instant updatedAt,
                              List<WebhookAttempt> attemptLog) {

    public static final String PENDING = "pending";
    public static final String RETRYING = "retrying";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    public WebhookDelivery {
        attemptLog = attemptLog == null ? List.of() : List.copyOf(attemptLog);
    }

    /** One attempt as the delivery log shows it. */
    public record WebhookAttempt(int number, Instant attemptedAt, int statusCode, long durationMs, String response,
                                 String error) {}
}
