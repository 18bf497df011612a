package io.convene.workers.meeting;

import io.convene.application.meeting.MeetingCleanup;
import io.convene.domain.meeting.MeetingId;
import io.convene.processes.meeting.MeetingLifecycleProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CleanupMeeting} / {@code Task_CleanupCall}: the cleanup window is over; delete the meeting. */
@Component(MeetingLifecycleProcess.Workers.CLEANUP)
class CleanupMeeting implements JavaDelegate {

    private final MeetingCleanup cleanup;

    CleanupMeeting(MeetingCleanup cleanup) {
        this.cleanup = cleanup;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cleanup.cleanUp(new MeetingId(execution.getProcessBusinessKey()));
    }
}
