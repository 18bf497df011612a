package io.convene.api.notification;

import io.convene.application.notification.MyNotifications;
import io.convene.application.notification.MyNotifications.NotificationView;
import io.convene.application.shared.Actor;
import io.convene.application.shared.Ids;
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
@RequestMapping("/api")
@Tag(name = "notifications")
class NotificationController {

    private final MyNotifications notifications;

    NotificationController(MyNotifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    @Operation(summary = "My notifications that are neither dismissed nor expired, newest first")
    List<NotificationView> mine(Actor actor) {
        return notifications.active(actor);
    }

    @PostMapping("/meetings/{meetingId}/notifications/{type}/dismiss")
    @Operation(summary = "Seed 002's dismissNotification(meetingId, type): my notice of that type about that meeting "
            + "(15_min_before, at_start, or a notification's own type); dismissing one already gone is no error")
    ResponseEntity<Void> dismissByType(@PathVariable String meetingId, @PathVariable String type, Actor actor) {
        notifications.dismiss(Ids.meetingId("meetingId", meetingId).value(), type, actor);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/notifications/{notificationId}/dismiss")
    ResponseEntity<Void> dismiss(@PathVariable String notificationId, Actor actor) {
        notifications.dismiss(notificationId, actor);
        return ResponseEntity.noContent().build();
    }
}
