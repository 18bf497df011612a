package io.convene.app.webhook;

import io.convene.application.webhook.WebhookAttempts;
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

    WebhookSchedule(WebhookAttempts attempts) {
        this.attempts = attempts;
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
