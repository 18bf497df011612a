package io.convene.app.webhook;

import io.convene.application.webhook.WebhookAttempts;
import io.convene.application.webhook.WebhookProperties;
import io.convene.integration.webhook.WebhookEgressProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The webhooks' recovery sweep: a delivery whose first attempt (or replay) was claimed by a node
 * that died, or that waited beyond a full sender queue, is claimed and sent here once its claim
 * lapsed. Not a product clock (the retry schedule is in webhook-delivery.bpmn): a safety net.
 */
@Configuration
@EnableScheduling
class WebhookSchedule {

    private static final Logger log = LoggerFactory.getLogger(WebhookSchedule.class);

    private final WebhookAttempts attempts;

    WebhookSchedule(WebhookAttempts attempts, WebhookProperties properties, WebhookEgressProperties egress) {
        checkClaimOutlastsAnAttempt(properties.claim(), egress.callTimeout());
        this.attempts = attempts;
    }

    /**
     * The sweep takes a delivery whose claim lapsed; if an attempt could still be under way then
     * (a claim no longer than the call timeout), the sweep would send it a second time as a first
     * attempt. Such a configuration does not start.
     */
    static void checkClaimOutlastsAnAttempt(Duration claim, Duration callTimeout) {
        if (claim.compareTo(callTimeout.multipliedBy(3).dividedBy(2)) < 0) {
            throw new IllegalStateException("convene.webhooks.claim (" + claim + ") must be at least 1.5 times "
                    + "convene.webhooks.egress.call-timeout (" + callTimeout + "): a delivery still being sent "
                    + "when its claim lapses would be sent a second time by the recovery sweep");
        }
    }

    @Scheduled(fixedDelayString = "${convene.webhooks.recovery-interval:5s}")
    void recoverUnsent() {
        try {
            int sent = attempts.recoverUnsent();
            if (sent > 0) {
                log.info("webhooks: {} deliveries whose claim lapsed are sent now", sent);
            }
        } catch (RuntimeException e) {
            log.warn("webhooks: recovery sweep failed: {}", e.toString());
        }
    }
}
