package io.convene.workers.meeting;

import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import io.convene.domain.notification.Notifications;
import io.convene.processes.meeting.MeetingLifecycleProcess;
import io.convene.processes.meeting.MeetingLifecycleProcess.Variables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendReminder15} / {@code Task_SendReminderAtStart}: one reminder
 * notification per invited, not declined participant, and one
 * {@code meeting.reminder} event. The notification's unique key makes a
 * retried job harmless. The at-start reminder expires after the model's
 * {@code expiresAfter} (PT5M).
 */
@Component(MeetingLifecycleProcess.Workers.SEND_REMINDER)
class SendMeetingReminder implements JavaDelegate {

    private final Meetings meetings;
    private final Notifications notifications;
    private final EventOutbox outbox;
    private final Clock clock;

    SendMeetingReminder(Meetings meetings, Notifications notifications, EventOutbox outbox, Clock clock) {
        this.meetings = meetings;
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String type = (String) execution.getVariable(Variables.REMINDER_TYPE);
        boolean atStart = MeetingLifecycleProcess.REMINDER_AT_START.equals(type);
        execution.getProcessInstance().setVariable(atStart ? Variables.REMINDER_AT_START_SENT : Variables.REMINDER_15_SENT, true);
        Meeting meeting = meetings.findById(execution.getProcessBusinessKey()).orElse(null);
        if (meeting == null || meeting.status() != MeetingStatus.SCHEDULED && meeting.status() != MeetingStatus.IN_PROGRESS) {
            return; // deleted or cancelled in the meantime: nobody to remind
        }
        Instant now = clock.instant();
        Object expiresAfter = execution.getVariable(Variables.EXPIRES_AFTER);
        Instant expiresAt = expiresAfter == null ? meeting.endTime() : now.plus(Duration.parse(expiresAfter.toString()));
        long minutesBefore = Math.max(0, Duration.between(now, meeting.startTime()).toMinutes());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("meetingId", meeting.id());
        data.put("title", meeting.title());
        data.put("startTime", meeting.startTime().toString());
        data.put("minutesBefore", atStart ? 0 : minutesBefore);
        String title = atStart ? meeting.title() + " is starting now" : meeting.title() + " starts in " + minutesBefore + " min";
        for (Participant participant : meeting.expectedParticipants()) {
            notifications.addOnce(participant.userId(), "meeting.reminder." + type, meeting.id(), title, data, now, expiresAt);
        }
        outbox.append("meeting.reminder", meeting.id(), Map.of("meetingId", meeting.id(), "reminderType", type,
                "minutesBefore", data.get("minutesBefore"),
                "userIds", meeting.expectedParticipants().stream().map(Participant::userId).toList()));
    }
}
