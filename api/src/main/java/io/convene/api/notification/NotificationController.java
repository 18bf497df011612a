package io.convene.api.notification;

import io.convene.application.notification.MyNotifications;
import io.convene.application.notification.MyNotifications.NotificationView;
import io.convene.application.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
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

    private final MyNotifications notifications;

    NotificationController(MyNotifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "My notifications that are neither dismissed nor expired, newest first")
    List<NotificationView> mine(Actor actor) {
        return notifications.active(actor);
    }

    @PostMapping("/{notificationId}/dismiss")
    ResponseEntity<Void> dismiss(@PathVariable String notificationId, Actor actor) {
        notifications.dismiss(notificationId, actor);
        return ResponseEntity.noContent().build();
    }
}
