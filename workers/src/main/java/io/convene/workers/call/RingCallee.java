package io.convene.workers.call;

import io.convene.application.call.Ringing;
import io.convene.domain.meeting.MeetingId;
import io.convene.processes.call.InstantCallProcess;
import io.convene.processes.call.InstantCallProcess.Variables;
import io.convene.processes.support.ProcessDates;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_StartRinging}: the callee's phone rings (call:incoming), once per ring. The notice
 * shows as long as the phone rings: the model's ring timeout (PT30S), read from the deployed model.
 */
@Component(InstantCallProcess.Workers.RING)
class RingCallee implements JavaDelegate {

    private final Ringing ringing;

    RingCallee(Ringing ringing) {
        this.ringing = ringing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Duration ringFor = ProcessDates.timerDuration(
                execution.getBpmnModelInstance().getModelElementById(InstantCallProcess.Elements.RING_TIMEOUT));
        ringing.ring(new MeetingId(execution.getProcessBusinessKey()), (String) execution.getVariable(Variables.CALLEE),
                (String) execution.getVariable(Variables.CALLER), ringFor);
    }
}
