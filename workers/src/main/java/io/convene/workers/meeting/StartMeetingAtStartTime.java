package io.convene.workers.meeting;

import io.convene.application.meeting.MeetingTransitions;
import io.convene.domain.meeting.MeetingId;
import io.convene.processes.meeting.MeetingLifecycleProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_StartMeeting}: the start time came and nobody started the meeting: it is in
 * progress now, empty until someone joins. Runs in the timer's own transaction.
 */
@Component(MeetingLifecycleProcess.Workers.START_AT_START_TIME)
class StartMeetingAtStartTime implements JavaDelegate {

    private final MeetingTransitions transitions;

    StartMeetingAtStartTime(MeetingTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        transitions.startAtStartTime(new MeetingId(execution.getProcessBusinessKey()));
    }
}
