package io.convene.domain.webhook;

import java.time.Duration;

/**
 * What one attempt got: the receiver's status ({@code 0} when no response came: refused,
 * timed out, connection failed), how long it took, the start of the response body (truncated),
 * the error when there was no response, and a {@code Retry-After} the receiver asked for
 * (429/503 only, already bounded; null otherwise).
 */
public record SendOutcome(int status, long durationMillis, String responseExcerpt, String error, Duration retryAfter) {

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /** 410 Gone: the receiver wants no more deliveries; the webhook is disabled at once. */
    public boolean gone() {
        return status == 410;
    }
}
