package io.convene.workers.call;

import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.ParticipantStatus;
import io.convene.domain.notification.Notifications;
import io.convene.processes.call.InstantCallProcess;
import io.convene.processes.call.InstantCallProcess.Variables;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ReportMissedRing}: nobody picked up within the ring timeout. The
 * caller is told "didn't answer", the callee gets a missed-call notice; each
 * exactly once (the notification key), even if the job runs again.
 */
@Component(InstantCallProcess.Workers.REPORT_MISSED)
class ReportMissedRing implements JavaDelegate {

    private final Meetings meetings;
    private final Notifications notifications;
    private final EventOutbox outbox;
    private final Clock clock;

    ReportMissedRing(Meetings meetings, Notifications notifications, EventOutbox outbox, Clock clock) {
        this.meetings = meetings;
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String callId = execution.getProcessBusinessKey();
        String callee = (String) execution.getVariable(Variables.CALLEE);
        String caller = (String) execution.getVariable(Variables.CALLER);
        Meeting call = meetings.findById(callId).orElse(null);
        String calleeName = call == null ? callee : call.participant(callee).map(p -> p.displayName()).orElse(callee);
        if (call != null && call.participant(callee).map(p -> p.status() == ParticipantStatus.JOINED
                || p.status() == ParticipantStatus.ACCEPTED).orElse(false)) {
            return; // picked up after all
        }
        Instant now = clock.instant();
        notifications.addOnce(caller, "call.no_answer." + callee, callId, calleeName + " didn't answer",
                Map.of("callId", callId, "calleeId", callee), now, null);
        notifications.addOnce(callee, "call.missed", callId, "Missed call",
                Map.of("callId", callId, "callerId", caller), now, null);
        outbox.append("call.missed", callId, Map.of("callId", callId, "calleeId", callee, "callerId", caller));
    }
}
