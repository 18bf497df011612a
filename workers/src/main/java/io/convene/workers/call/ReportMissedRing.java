package io.convene.workers.call;

import io.convene.application.call.Ringing;
import io.convene.domain.meeting.MeetingId;
import io.convene.processes.call.InstantCallProcess;
import io.convene.processes.call.InstantCallProcess.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ReportMissedRing}: nobody picked up within the ring timeout. */
@Component(InstantCallProcess.Workers.REPORT_MISSED)
class ReportMissedRing implements JavaDelegate {

    private final Ringing ringing;

    ReportMissedRing(Ringing ringing) {
        this.ringing = ringing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ringing.noAnswer(new MeetingId(execution.getProcessBusinessKey()),
                (String) execution.getVariable(Variables.CALLEE), (String) execution.getVariable(Variables.CALLER));
    }
}
