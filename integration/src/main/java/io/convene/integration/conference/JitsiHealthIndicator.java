package io.convene.integration.conference;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether a Jitsi answers where browsers are sent ({@code JITSI_PUBLIC_URL}, else
 * {@code https://<JITSI_DOMAIN>}): an HTTP GET; any answer below 500 is UP. UNKNOWN while Jitsi
 * is not configured (no {@code JITSI_APP_SECRET}: joins answer 503 anyway) or nobody said where it
 * runs (the embedded default's placeholder domain), so Convene's own health is not DOWN for it. Every answer carries
 * a {@code reason}. Shown as the {@code jitsi} health component and at {@code /health/jitsi}.
 */
@Component("jitsiHealthIndicator")
class JitsiHealthIndicator implements HealthIndicator {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final ConferenceProperties.Jitsi jitsi;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    JitsiHealthIndicator(ConferenceProperties conference) {
        this.jitsi = conference.jitsi();
    }

    @Override
    public Health health() {
        if (jitsi.appSecret() == null) {
            return Health.unknown().withDetail("reason", "Jitsi is not configured (JITSI_APP_SECRET is empty)").build();
        }
        if (jitsi.isPlaceholder()) { // the embedded default: a secret for a Jitsi you point at it, none running
            return Health.unknown().withDetail("reason", "no Jitsi location configured (JITSI_DOMAIN or "
                    + "JITSI_PUBLIC_URL); join tokens are issued for " + ConferenceProperties.Jitsi.PLACEHOLDER_DOMAIN).build();
        }
        String url = jitsi.publicUrl() + "/";
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            Health.Builder health = status < 500 ? Health.up() : Health.down();
            return health.withDetail("url", url).withDetail("status", status)
                    .withDetail("reason", "Jitsi answered HTTP " + status).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(url, "interrupted");
        } catch (Exception e) {
            return down(url, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static Health down(String url, String why) {
        return Health.down().withDetail("url", url).withDetail("reason", "no answer from Jitsi (" + why + ")").build();
    }
}
