package io.convene.application.webhook;

import io.convene.application.shared.Actor;
import io.convene.application.shared.NotFoundException;
import io.convene.domain.webhook.Webhook;
import io.convene.domain.webhook.Webhooks;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Who may see and manage a webhook: its owner and admins. Everyone else is told it does not exist. */
@Component
class WebhookPolicy {

    private final Webhooks webhooks;

    WebhookPolicy(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    Webhook visible(String webhookId, Actor actor) {
        UUID id = WebhookIds.parse("webhookId", webhookId);
        return webhooks.find(id).filter(w -> actor.isAdmin() || w.ownerId().equals(actor.id()))
                .orElseThrow(() -> new NotFoundException("webhook", webhookId));
    }
}
