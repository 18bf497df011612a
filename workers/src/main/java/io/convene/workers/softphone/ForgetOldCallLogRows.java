package io.convene.workers.softphone;

import io.convene.application.calllog.CallLogRetention;
import io.convene.processes.softphone.CallLogRetentionProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ForgetOldCalls}: call-log rows older than the model's {@code retention} (P1Y) go. */
@Component(CallLogRetentionProcess.WORKER)
class ForgetOldCallLogRows implements JavaDelegate {

    private final CallLogRetention retention;

    ForgetOldCallLogRows(CallLogRetention retention) {
        this.retention = retention;
    }

    @Override
    public void execute(DelegateExecution execution) {
        retention.forgetOlderThan((String) execution.getVariable(CallLogRetentionProcess.RETENTION));
    }
}
