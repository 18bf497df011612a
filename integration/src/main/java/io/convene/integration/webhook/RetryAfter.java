package io.convene.integration.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * A receiver's {@code Retry-After}, honoured for 429 and 503 only (RFC 9110 §10.2.3): delay
 * seconds or an HTTP-date, bounded to [1 s, max] so a receiver can neither make us hammer it nor
 * park a delivery for a week.
 */
final class RetryAfter {

    private static final Duration MIN = Duration.ofSeconds(1);
    private static final Pattern SECONDS = Pattern.compile("\\d{1,18}");

    private RetryAfter() {
    }

    /** The bounded delay asked for, or null (another status, no header, or one that does not parse). */
    static Duration of(int status, Headers headers, Clock clock, Duration max) {
        if (status != 429 && status != 503) {
            return null;
        }
        String value = headers.get("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration asked;
        if (SECONDS.matcher(value.strip()).matches()) {
            asked = Duration.ofSeconds(Long.parseLong(value.strip()));
        } else {
            Date until = headers.getDate("Retry-After");
            if (until == null) {
                return null;
            }
            // against the receiver's own Date when it sent one: no clock skew between us and it
            Date sent = headers.getDate("Date");
            Instant now = sent != null ? sent.toInstant() : clock.instant();
            asked = Duration.between(now, until.toInstant());
        }
        if (asked.compareTo(MIN) < 0) {
            return MIN;
        }
        return asked.compareTo(max) > 0 ? max : asked;
    }
}
