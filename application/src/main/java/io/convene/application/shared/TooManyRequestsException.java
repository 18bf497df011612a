package io.convene.application.shared;

import java.time.Duration;

/** A limit was reached: 429, with when to try again ({@code Retry-After}, whole seconds, at least 1). */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
