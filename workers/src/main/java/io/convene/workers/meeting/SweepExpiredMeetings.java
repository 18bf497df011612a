package io.convene.workers.meeting;

import io.convene.application.meeting.MeetingCleanup;
import io.convene.processes.meeting.MeetingCleanupSweepProcess;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SweepExpiredMeetings}: the fallback. Meetings more than {@code olderThan}
 * (PT8H in the model) past their scheduled end that no process instance still holds are deleted.
 */
@Component(MeetingCleanupSweepProcess.WORKER)
class SweepExpiredMeetings implements JavaDelegate {

    private final MeetingCleanup cleanup;

    SweepExpiredMeetings(MeetingCleanup cleanup) {
        this.cleanup = cleanup;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cleanup.sweep(Duration.parse((String) execution.getVariable(MeetingCleanupSweepProcess.OLDER_THAN)));
    }
}
