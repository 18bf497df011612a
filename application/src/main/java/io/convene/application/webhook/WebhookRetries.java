package io.convene.application.webhook;

import java.time.Duration;
import java.util.UUID;

/**
 * The use cases of the {@code webhook-delivery} process: one retry of a delivery (called by the
 * external-task worker, outside any transaction — the HTTP request holds none), and the end of
 * a delivery whose schedule ran out or whose receiver answered 410.
 */
public interface WebhookRetries {

    /** What a retry came to, for the process's gateway. */
    enum Outcome { DELIVERED, FAILED, GONE, SKIPPED }

    /**
     * The result of one retry; {@code retryAfter} is what a 429/503 receiver asked for (bounded),
     * or null — the process then waits its own schedule's next literal.
     */
    record RetryResult(Outcome outcome, Duration retryAfter) {}

    /** Sends the delivery once more (same webhook-id and body), records the attempt, says how it went. */
    RetryResult retry(UUID deliveryId);

    /**
     * The delivery failed for good ({@code reason}: {@code exhausted} or {@code gone}): it is
     * marked failed, its webhook disabled (never deleted), the owner notified, and a
     * {@code webhook.disabled} event written.
     */
    void giveUp(UUID deliveryId, String reason);
}
