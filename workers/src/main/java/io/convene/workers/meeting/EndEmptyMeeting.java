package io.convene.workers.meeting;

import io.convene.application.meeting.MeetingTransitions;
import io.convene.domain.meeting.MeetingId;
import io.convene.processes.meeting.MeetingLifecycleProcess;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_EndEmptyMeeting}: the meeting emptied before its scheduled end (or nobody came at its
 * start time) and nobody came back by then: it ends (when the last one left) and the process learns
 * when. Runs in the timer's own transaction.
 */
@Component(MeetingLifecycleProcess.Workers.END_EMPTY)
class EndEmptyMeeting implements JavaDelegate {

    private final MeetingTransitions transitions;

    EndEmptyMeeting(MeetingTransitions transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // when it ended decides its cleanup (all left before the scheduled end: at once)
        Instant endedAt = transitions.endEmpty(new MeetingId(execution.getProcessBusinessKey()))
                .orElseGet(() -> ClockUtil.getCurrentTime().toInstant());
        execution.setVariable(MeetingLifecycleProcess.Variables.ENDED_AT, Date.from(endedAt));
    }
}
