package io.convene.application.webhook;

import io.convene.application.shared.Actor;
import io.convene.application.shared.ConflictException;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.NotFoundException;
import io.convene.application.shared.UnitOfWork;
import io.convene.application.webhook.WebhookDispatch.Claimed;
import io.convene.domain.webhook.Webhook;
import io.convene.domain.webhook.WebhookDeliveries;
import io.convene.domain.webhook.WebhookDelivery;
import io.convene.domain.webhook.WebhookDelivery.WebhookAttempt;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A webhook's delivery log (newest first, paged by a time cursor) and replay: one delivery, or
 * every failed and skipped one since a time. A replay sends the same body under the same
 * {@code webhook-id} (receivers deduplicate by it); it needs the webhook enabled.
 */
@Service
public class WebhookDeliveryLog {

    static final int MAX_PAGE = 100;

    public record DeliveryView(UUID id, String webhookId, String eventType, UUID eventId, String state, int attempts,
                               Instant createdAt, Instant updatedAt, List<WebhookAttempt> attemptLog) {}

    public record Page(List<DeliveryView> deliveries, Instant nextBefore) {}

    public record Replayed(int count, List<UUID> deliveryIds) {}

    private final WebhookPolicy policy;
    private final WebhookDeliveries deliveries;
    private final WebhookAttempts attempts;
    private final WebhookProperties properties;
    private final UnitOfWork work;
    private final Clock clock;

    WebhookDeliveryLog(WebhookPolicy policy, WebhookDeliveries deliveries, WebhookAttempts attempts,
                       WebhookProperties properties, UnitOfWork work, Clock clock) {
        this.policy = policy;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.properties = properties;
        this.work = work;
        this.clock = clock;
    }

    public Page log(String webhookId, Instant before, int limit, Actor actor) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE);
        }
        return work.read(() -> {
            Webhook webhook = policy.visible(webhookId, actor);
            List<DeliveryView> page = deliveries.log(webhook.id(), before, limit).stream().map(WebhookDeliveryLog::view)
                    .toList();
            return new Page(page, page.size() == limit ? page.get(page.size() - 1).createdAt() : null);
        });
    }

    public Replayed replay(String webhookId, String deliveryId, Actor actor) {
        UUID id = WebhookIds.parse("deliveryId", deliveryId);
        return reopen(webhookId, actor, webhook -> {
            WebhookDelivery delivery = deliveries.find(id).filter(d -> d.webhookId().equals(webhook.id()))
                    .orElseThrow(() -> new NotFoundException("delivery", deliveryId));
            return List.of(delivery.id());
        });
    }

    public Replayed replaySince(String webhookId, Instant since, Actor actor) {
        if (since == null) {
            throw new InvalidInputException("since", "is required (an ISO-8601 instant)");
        }
        return reopen(webhookId, actor, webhook -> deliveries.replayable(webhook.id(), since, properties.replayLimit()));
    }

    private Replayed reopen(String webhookId, Actor actor, java.util.function.Function<Webhook, List<UUID>> which) {
        Instant now = clock.instant();
        Instant token = now.plus(properties.claim()).truncatedTo(ChronoUnit.MICROS);
        List<UUID> reopened = work.write(() -> {
            Webhook webhook = policy.visible(webhookId, actor);
            if (!webhook.active()) {
                throw new ConflictException("the webhook is disabled: enable it (PATCH active: true) before a replay");
            }
            return which.apply(webhook).stream().filter(id -> deliveries.reopen(id, now, token)).toList();
        });
        attempts.submit(reopened.stream().map(id -> new Claimed(id, token)).toList());
        return new Replayed(reopened.size(), reopened);
    }

    private static DeliveryView view(WebhookDelivery d) {
        return new DeliveryView(d.id(), d.messageId(), d.eventType(), d.eventId(), d.state(), d.attempts(),
                d.createdAt(), d.updatedAt(), d.attemptLog());
    }

    /** Forgets deliveries older than {@code retention} (the retention process's literal); how many. */
    public int forgetOlderThan(Duration retention) {
        return work.write(() -> deliveries.forgetBefore(clock.instant().minus(retention)));
    }
}
