package io.convene.workers.meeting;

import io.convene.application.meeting.MeetingReminders;
import io.convene.domain.meeting.MeetingId;
import io.convene.processes.meeting.MeetingLifecycleProcess;
import io.convene.processes.meeting.MeetingLifecycleProcess.Variables;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendReminder15} / {@code Task_SendReminderAtStart}: sends the reminder its
 * {@code reminderType} input names; the at-start one shows for the model's
 * {@code expiresAfter} (PT5M); one with a {@code deliverAt} (the 15-min one, prepared ahead) is
 * delivered at that instant. Records in the process which start time it was sent for.
 */
@Component(MeetingLifecycleProcess.Workers.SEND_REMINDER)
class SendMeetingReminder implements JavaDelegate {

    private final MeetingReminders reminders;

    SendMeetingReminder(MeetingReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String type = (String) execution.getVariable(Variables.REMINDER_TYPE);
        boolean atStart = MeetingLifecycleProcess.REMINDER_AT_START.equals(type);
        // reminders belong to a start time: a new start time re-arms them (the model's gateways read this)
        execution.getProcessInstance().setVariable(atStart ? Variables.REMINDER_AT_START_SENT_FOR
                : Variables.REMINDER_15_SENT_FOR, execution.getVariable(Variables.START_TIME));
        Object expiresAfter = execution.getVariable(Variables.EXPIRES_AFTER);
        Object deliverAt = execution.getVariable(Variables.DELIVER_AT); // the 15-min one is prepared ahead
        reminders.send(new MeetingId(execution.getProcessBusinessKey()), type,
                expiresAfter == null ? null : Duration.parse(expiresAfter.toString()),
                deliverAt instanceof Date due ? due.toInstant() : null);
    }
}
