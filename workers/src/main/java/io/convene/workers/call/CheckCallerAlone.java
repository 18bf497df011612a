package io.convene.workers.call;

import io.convene.application.call.CallAbandonment;
import io.convene.domain.meeting.MeetingId;
import io.convene.processes.call.InstantCallProcess;
import io.convene.processes.call.InstantCallProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckCallerAlone} / {@code Task_CheckCallerAloneAfterLateRing}: after rings end,
 * did every callee decline or miss, leaving the caller alone? The answer is local to the
 * asking scope, so two late rings ending at once do not share it.
 */
@Component(InstantCallProcess.Workers.CHECK_CALLER_ALONE)
class CheckCallerAlone implements JavaDelegate {

    private final CallAbandonment abandonment;

    CheckCallerAlone(CallAbandonment abandonment) {
        this.abandonment = abandonment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariableLocal(Variables.CALLER_ALONE,
                abandonment.callerLeftAlone(new MeetingId(execution.getProcessBusinessKey())));
    }
}
