package io.convene.domain.notification;

import io.convene.domain.event.DomainEvent;
import io.convene.domain.event.EventFamily;
import io.convene.domain.event.EventInfo;
import java.util.Map;

/**
 * A user's notification shown or gone. Keyed like its meeting's own events (in order with them),
 * or by the user when it names no meeting.
 */
@EventFamily("notification")
public sealed interface NotificationEvent extends DomainEvent {

    String userId();

    @EventInfo("A notification is shown to its user (added, or shown afresh), as GET /api/notifications lists it.")
    record Created(String subject, String userId, Map<String, Object> notification) implements NotificationEvent {}

    @EventInfo("A notification is gone: its user dismissed it (reason: dismissed) or it was withdrawn.")
    record Dismissed(String subject, String notificationId, String userId, String reason) implements NotificationEvent {}
}
