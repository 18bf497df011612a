package io.convene.workers.meeting;

import io.convene.application.meeting.MeetingTransitions;
import io.convene.domain.meeting.MeetingId;
import io.convene.processes.meeting.MeetingLifecycleProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EndEmptyMeeting}: the meeting emptied before its scheduled end and nobody came
 * back by then: it ends (when the last one left). Runs in the timer's own transaction.
 */
@Component(MeetingLifecycleProcess.Workers.END_EMPTY)
class EndEmptyMeeting implements JavaDelegate {

    private final MeetingTransitions transitions;

    EndEmptyMeeting(MeetingTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        transitions.endEmpty(new MeetingId(execution.getProcessBusinessKey()));
    }
}
