package io.convene.domain.webhook;

import io.convene.domain.event.DomainEvent;
import io.convene.domain.event.EventFamily;
import io.convene.domain.event.EventInfo;
import java.time.Instant;

/** What happens to a webhook registration; keyed by the webhook. */
@EventFamily("webhook")
public sealed interface WebhookEvent extends DomainEvent {

    @EventInfo("A webhook was disabled (its receiver failed every retry, or answered 410); its owner is told.")
    record Disabled(String webhookId, String ownerId, String url, String reason, Instant disabledAt)
            implements WebhookEvent {
        @Override
        public String subject() {
            return webhookId;
        }
    }
}
