package io.convene.workers.call;

import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.notification.Notifications;
import io.convene.processes.call.InstantCallProcess;
import io.convene.processes.call.InstantCallProcess.Variables;
import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_StartRinging}: the callee's phone rings (call:incoming), once per ring. */
@Component(InstantCallProcess.Workers.RING)
class RingCallee implements JavaDelegate {

    private final Meetings meetings;
    private final Notifications notifications;
    private final EventOutbox outbox;
    private final Clock clock;

    RingCallee(Meetings meetings, Notifications notifications, EventOutbox outbox, Clock clock) {
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
        Meeting call = meetings.findById(callId).orElseThrow(() -> new IllegalStateException("call " + callId + " is gone"));
        String callerName = call.participant(caller).map(p -> p.displayName()).orElse("Someone");
        // the notice shows as long as the phone rings: the model's ring timeout (PT30S)
        java.time.Duration ringFor = io.convene.processes.support.ProcessDates.timerDuration(
                execution.getBpmnModelInstance().getModelElementById(InstantCallProcess.Elements.RING_TIMEOUT));
        java.time.Instant now = clock.instant();
        notifications.addOnce(callee, "call.incoming", callId, callerName + " is calling",
                Map.of("callId", callId, "callerId", caller, "callType", String.valueOf(call.callType())),
                now, now.plus(ringFor));
        outbox.append("call.ringing", callId, Map.of("callId", callId, "calleeId", callee, "callerId", caller));
    }
}
