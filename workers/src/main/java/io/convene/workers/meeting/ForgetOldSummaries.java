package io.convene.workers.meeting;

import io.convene.application.meeting.MeetingCleanup;
import io.convene.processes.meeting.MeetingCleanupSweepProcess;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ForgetOldSummaries}: call-log summaries older than the model's {@code retention} (P90D) go. */
@Component(MeetingCleanupSweepProcess.FORGET_SUMMARIES_WORKER)
class ForgetOldSummaries implements JavaDelegate {

    private final MeetingCleanup cleanup;

    ForgetOldSummaries(MeetingCleanup cleanup) {
        this.cleanup = cleanup;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cleanup.forgetSummaries(Duration.parse((String) execution.getVariable(MeetingCleanupSweepProcess.RETENTION)));
    }
}
