package io.convene.workers.call;

import io.convene.application.call.CallAbandonment;
import io.convene.domain.meeting.MeetingId;
import io.convene.processes.call.InstantCallProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_HangUpUnansweredCall}: nobody answered and the caller is alone; the call ends. */
@Component(InstantCallProcess.Workers.HANG_UP)
class HangUpUnansweredCall implements JavaDelegate {

    private final CallAbandonment abandonment;

    HangUpUnansweredCall(CallAbandonment abandonment) {
        this.abandonment = abandonment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        abandonment.hangUp(new MeetingId(execution.getProcessBusinessKey()));
    }
}
