package io.convene.application.meeting;

import io.convene.domain.meeting.MeetingEvent;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import io.convene.domain.notification.Notifications;
import io.convene.processes.meeting.MeetingLifecycleProcess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Meeting reminders: one notification per invited, not declined participant and one
 * {@code meeting.reminder} event. The notification's unique key makes a retried job harmless.
 */
@Service
public class MeetingReminders {

    static final List<String> TYPES = List.of(
            "meeting.reminder." + MeetingLifecycleProcess.REMINDER_15_MIN_BEFORE,
            "meeting.reminder." + MeetingLifecycleProcess.REMINDER_AT_START);

    private final Meetings meetings;
    private final Notifications notifications;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Clock clock;

    MeetingReminders(Meetings meetings, Notifications notifications, EventOutbox outbox, UnitOfWork work, Clock clock) {
        this.meetings = meetings;
        this.notifications = notifications;
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    /**
     * Sends the reminder {@code type} ({@code 15_min_before} | {@code at_start}); it shows for
     * {@code showFor} (the model's literal), or until the meeting's end when {@code null}. With a
     * {@code deliverAt} still ahead (a reminder prepared ahead of its due time) the notifications
     * and events are written now and go out at that instant: the list shows them from then on and
     * the relay holds their events until then. Who is reminded is decided now.
     */
    public void send(MeetingId id, String type, Duration showFor, Instant deliverAt) {
        work.run(() -> {
            Meeting meeting = meetings.findById(id).orElse(null);
            if (meeting == null || meeting.status() != MeetingStatus.SCHEDULED && meeting.status() != MeetingStatus.IN_PROGRESS) {
                return; // deleted or cancelled in the meantime: nobody to remind
            }
            boolean atStart = MeetingLifecycleProcess.REMINDER_AT_START.equals(type);
            Instant clockNow = clock.instant();
            Instant now = deliverAt != null && deliverAt.isAfter(clockNow) ? deliverAt : clockNow; // the reminder's time
            Instant expiresAt = showFor == null ? meeting.endTime() : now.plus(showFor);
            // a meeting scheduled at short notice is reminded at once, with its true minutes (rounded up: "in 3 min")
            long secondsBefore = Math.max(0, Duration.between(now, meeting.startTime()).toSeconds());
            long minutesBefore = atStart ? 0 : Math.max(1, (secondsBefore + 59) / 60);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("meetingId", meeting.id().value());
            data.put("title", meeting.title());
            data.put("startTime", meeting.startTime().toString());
            data.put("minutesBefore", minutesBefore);
            String title = atStart ? meeting.title() + " is starting now"
                    : meeting.title() + " starts in " + minutesBefore + " min";
            List<String> userIds = meeting.expectedParticipants().stream()
                    .filter(p -> !p.isPresent()) // who is in the meeting needs no reminder of it
                    .map(Participant::userId).toList();
            for (String userId : userIds) {
                notifications.addOnce(userId, "meeting.reminder." + type, meeting.id().value(), title, data, now, expiresAt);
            }
            outbox.appendAt(new MeetingEvent.Reminder(meeting.id(), type, minutesBefore, userIds), now);
        });
    }

    /** In the caller's transaction: {@code userId} joined the meeting, so its reminders are read (seed 002 Sc1.3–4). */
    void read(MeetingId id, String userId) {
        notifications.dismiss(userId, id.value(), TYPES, clock.instant());
    }

    /**
     * In the caller's transaction: the meeting's reminders are withdrawn, dismissed ones too — they
     * belong to a start time that no longer holds (moved or cancelled), and must not block the new ones.
     */
    void withdraw(MeetingId id) {
        notifications.withdraw(id.value(), TYPES);
    }
}
