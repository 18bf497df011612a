package io.convene.workers.softphone;

import io.convene.application.calllog.MissedCalls;
import io.convene.processes.softphone.InboundCallProcess;
import io.convene.processes.softphone.InboundCallProcess.Variables;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RecordMissedCall}: nobody answered (45 s) or the caller hung up — a missed call, the user is told. */
@Component(InboundCallProcess.Workers.RECORD_MISSED)
class RecordMissedCall implements JavaDelegate {

    private final MissedCalls missed;

    RecordMissedCall(MissedCalls missed) {
        this.missed = missed;
    }

    @Override
    public void execute(DelegateExecution execution) {
        missed.record(UUID.fromString((String) execution.getVariable(Variables.CALL_LOG_ID)),
                (String) execution.getVariable(Variables.MISSED_REASON));
    }
}
