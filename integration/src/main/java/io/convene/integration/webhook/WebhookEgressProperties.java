package io.convene.integration.webhook;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How webhook deliveries leave the building (issue 10, "URL rules (SSRF)" and "Delivery").
 *
 * @param requireHttps       refuse {@code http://} URLs; on in the {@code prod} profile, which refuses to start without it
 * @param allowedTargets     {@code host:port} targets let through although the egress rules forbid their
 *                           address — exact (host as written in the URL, port explicit), for local
 *                           development and tests only: the {@code prod} profile refuses to start with any
 * @param connectTimeout     how long opening the connection may take
 * @param callTimeout        how long a whole attempt may take: resolving, connecting, sending, reading the answer
 * @param responseExcerpt    how much of the receiver's answer is read and kept for the delivery log
 * @param maxRetryAfter      the longest {@code Retry-After} (429/503) honoured; longer ones are capped
 * @param maxIdleConnections idle keep-alive connections kept across all receivers
 * @param keepAlive          how long an idle connection is kept for the next delivery to the same receiver
 */
@ConfigurationProperties("convene.webhooks.egress")
public record WebhookEgressProperties(
        @DefaultValue("false") boolean requireHttps,
        @DefaultValue List<String> allowedTargets,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("15s") Duration callTimeout,
        @DefaultValue("1KB") DataSize responseExcerpt,
        @DefaultValue("PT1H") Duration maxRetryAfter,
        @DefaultValue("256") int maxIdleConnections,
        @DefaultValue("30s") Duration keepAlive) {

    static final String PROD_PROFILE = "prod";

    public WebhookEgressProperties {
        // "a:1, ,b:2" from an environment variable binds with blanks and spaces
        allowedTargets = allowedTargets == null ? List.of()
                : allowedTargets.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        AllowedTargets.parse(allowedTargets); // a malformed entry fails at startup, not at the first delivery
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("call-timeout", callTimeout);
        requirePositive("max-retry-after", maxRetryAfter);
        requirePositive("keep-alive", keepAlive);
        if (maxRetryAfter.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("convene.webhooks.egress.max-retry-after must be at least 1s, was " + maxRetryAfter);
        }
        if (responseExcerpt == null || responseExcerpt.isNegative() || responseExcerpt.toBytes() > 64 * 1024) {
            throw new IllegalArgumentException(
                    "convene.webhooks.egress.response-excerpt must be between 0B and 64KB, was " + responseExcerpt);
        }
        if (maxIdleConnections < 0) {
            throw new IllegalArgumentException(
                    "convene.webhooks.egress.max-idle-connections must not be negative, was " + maxIdleConnections);
        }
    }

    /** The defaults: https not required, no allow-list. */
    public static WebhookEgressProperties defaults() {
        return new WebhookEgressProperties(false, List.of(), Duration.ofSeconds(5), Duration.ofSeconds(15),
                DataSize.ofKilobytes(1), Duration.ofHours(1), 256, Duration.ofSeconds(30));
    }

    /**
     * Refuses settings that would open the egress rules in production: an allow-list, or http.
     *
     * @throws IllegalStateException with the property to fix, when {@code prod} is among the profiles
     */
    public void requireSafeFor(Collection<String> activeProfiles) {
        if (!activeProfiles.contains(PROD_PROFILE)) {
            return;
        }
        if (!allowedTargets.isEmpty()) {
            throw new IllegalStateException("convene.webhooks.egress.allowed-targets must be empty in the prod profile "
                    + "(it is for local development and tests), was " + allowedTargets);
        }
        if (!requireHttps) {
            throw new IllegalStateException("convene.webhooks.egress.require-https must be true in the prod profile");
        }
    }

    int responseExcerptBytes() {
        return (int) responseExcerpt.toBytes();
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("convene.webhooks.egress." + name + " must be positive, was " + value);
        }
    }
}
