package io.convene.api.notification;

import io.convene.api.error.BadRequestException;
import io.convene.api.error.NotFoundException;
import io.convene.api.security.CurrentUser;
import io.convene.domain.notification.Notification;
import io.convene.domain.notification.Notifications;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications (reminders, live invites, missed calls); dismiss one. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "notifications")
class NotificationController {

    record NotificationView(UUID id, String type, String meetingId, String title, Object data, Instant createdAt,
                            Instant expiresAt) {}

    private final Notifications notifications;
    private final Clock clock;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    NotificationController(Notifications notifications, Clock clock, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.notifications = notifications;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "My notifications that are neither dismissed nor expired, newest first")
    List<NotificationView> mine(@AuthenticationPrincipal Jwt jwt) throws Exception {
        List<Notification> active = notifications.active(CurrentUser.of(jwt).id(), clock.instant(), 100);
        java.util.ArrayList<NotificationView> views = new java.util.ArrayList<>();
        for (Notification n : active) {
            views.add(new NotificationView(n.id(), n.type(), n.meetingId(), n.title(), json.readTree(n.data()),
                    n.createdAt(), n.expiresAt()));
        }
        return views;
    }

    @PostMapping("/{notificationId}/dismiss")
    ResponseEntity<Void> dismiss(@PathVariable String notificationId, @AuthenticationPrincipal Jwt jwt) {
        UUID id;
        try {
            id = UUID.fromString(notificationId);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("notificationId", "must be a UUID");
        }
        String userId = CurrentUser.of(jwt).id();
        Notification notification = notifications.find(id).filter(n -> n.userId().equals(userId))
                .orElseThrow(() -> new NotFoundException("notification", notificationId));
        notifications.dismiss(notification.id(), clock.instant());
        return ResponseEntity.noContent().build();
    }
}
