package io.convene.workers.meeting;

import io.convene.application.meeting.MeetingTransitions;
import io.convene.domain.meeting.MeetingId;
import io.convene.processes.meeting.MeetingLifecycleProcess;
import io.convene.processes.meeting.MeetingLifecycleProcess.Variables;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CloseMeeting} / {@code Task_CloseCall}: ends a meeting nobody ended (the
 * fallback) and tells the process when it ended, so the cleanup gateway can decide.
 */
@Component(MeetingLifecycleProcess.Workers.CLOSE)
class CloseMeeting implements JavaDelegate {

    private final MeetingTransitions transitions;

    CloseMeeting(MeetingTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Variables.ENDED_AT,
                Date.from(transitions.close(new MeetingId(execution.getProcessBusinessKey()))));
    }
}
