package io.convene.application.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.application.shared.Actor;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.NotFoundException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.notification.Notification;
import io.convene.domain.notification.Notifications;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The caller's own notifications (reminders, live invites, missed calls): list the active ones, dismiss one. */
@Service
public class MyNotifications {

    private static final int LIMIT = 100;

    public record NotificationView(UUID id, String type, String meetingId, String title, JsonNode data,
                                   Instant createdAt, Instant expiresAt) {}

    private final Notifications notifications;
    private final ObjectMapper json;
    private final UnitOfWork work;
    private final Clock clock;

    MyNotifications(Notifications notifications, ObjectMapper json, UnitOfWork work, Clock clock) {
        this.notifications = notifications;
        this.json = json;
        this.work = work;
        this.clock = clock;
    }

    /** Neither dismissed nor expired, newest first. */
    public List<NotificationView> active(Actor actor) {
        return work.read(() -> notifications.active(actor.id(), clock.instant(), LIMIT).stream().map(this::view).toList());
    }

    public void dismiss(String notificationId, Actor actor) {
        UUID id;
        try {
            id = UUID.fromString(notificationId);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("notificationId", "must be a UUID");
        }
        work.run(() -> {
            Notification notification = notifications.find(id).filter(n -> n.userId().equals(actor.id()))
                    .orElseThrow(() -> new NotFoundException("notification", notificationId));
            notifications.dismiss(notification.id(), clock.instant());
        });
    }

    /**
     * Seed 002's {@code dismissNotification(meetingId, notificationType)}: the caller's notifications
     * of that type about that meeting are dismissed. {@code type} is the seed's ({@code 15_min_before},
     * {@code at_start}: the meeting's reminders) or a notification's own type
     * ({@code meeting.live_invite}, {@code call.missed}, …). Idempotent: dismissing what is already
     * dismissed (or was never there) changes nothing and is no error.
     */
    public int dismiss(String meetingId, String type, Actor actor) {
        if (type.isBlank() || type.length() > 40 || !type.matches("[a-z0-9_.]+")) {
            throw new InvalidInputException("type", "must be a notification type such as 15_min_before or at_start");
        }
        String fullType = type.contains(".") ? type : "meeting.reminder." + type;
        return work.write(() -> notifications.dismiss(actor.id(), meetingId, List.of(fullType), clock.instant()));
    }

    private NotificationView view(Notification n) {
        try {
            return new NotificationView(n.id(), n.type(), n.meetingId(), n.title(), json.readTree(n.data()),
                    n.createdAt(), n.expiresAt());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
