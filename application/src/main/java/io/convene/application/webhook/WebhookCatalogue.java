package io.convene.application.webhook;

import io.convene.domain.event.EventTypes;
import java.util.List;
import java.util.Set;

/**
 * The event types a webhook may subscribe to (docs/events.md: the catalogue). The type is the
 * domain event's, which is also its CloudEvents {@code type} on Kafka. Guests' {@code external.*} are seed
 * 002's three. The softphone's events name their user ({@code userIds}); the SIP settings' reach
 * org-wide webhooks only.
 */
public final class WebhookCatalogue {

    /** The event types marked {@code webhook} on their records ({@code @EventInfo}), by name. */
    public static final List<String> TYPES = EventTypes.all().types().stream().filter(EventTypes.Type::webhook)
            .map(EventTypes.Type::name).toList();

    private static final Set<String> KNOWN = Set.copyOf(TYPES);

    private WebhookCatalogue() {}

    public static boolean known(String type) {
        return KNOWN.contains(type);
    }
}
