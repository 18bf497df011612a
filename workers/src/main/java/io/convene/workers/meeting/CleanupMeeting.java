package io.convene.workers.meeting;

import io.convene.processes.meeting.MeetingLifecycleProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CleanupMeeting}: the cleanup window is over; delete the meeting. */
@Component(MeetingLifecycleProcess.Workers.CLEANUP)
class CleanupMeeting implements JavaDelegate {

    private final MeetingCleaner cleaner;

    CleanupMeeting(MeetingCleaner cleaner) {
        this.cleaner = cleaner;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cleaner.cleanUp(execution.getProcessBusinessKey());
    }
}
