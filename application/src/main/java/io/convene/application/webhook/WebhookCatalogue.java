package io.convene.application.webhook;

import java.util.List;
import java.util.Set;

/**
 * The event types a webhook may subscribe to (docs/events.md: the catalogue). The type is the
 * domain event's, which is also its CloudEvents {@code type} on Kafka. Guests' {@code external.*} are seed
 * 002's three. The softphone's events name their user ({@code userIds}); the SIP settings' reach
 * org-wide webhooks only.
 */
public final class WebhookCatalogue {

    public static final List<String> TYPES = List.of(
            "meeting.created", "meeting.updated", "meeting.cancelled", "meeting.started", "meeting.ended",
            "meeting.deleted",
            "call.started", "call.accepted", "call.declined", "call.missed", "call.ended", "call.deleted",
            "participant.joined", "participant.left",
            "external.admitted", "external.declined", "external.joined",
            "recording.ready",
            "softphone.call.ringing", "softphone.call.started", "softphone.call.answered", "softphone.call.ended",
            "softphone.call.missed",
            "sip.settings.changed", "sip.credentials.changed");

    private static final Set<String> KNOWN = Set.copyOf(TYPES);

    private WebhookCatalogue() {}

    public static boolean known(String type) {
        return KNOWN.contains(type);
    }
}
