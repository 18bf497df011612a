package io.convene.workers.meeting;

import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingSummaries;
import io.convene.domain.meeting.Meetings;
import io.convene.processes.meeting.MeetingLifecycleProcess;
import io.convene.processes.meeting.MeetingLifecycleProcess.Variables;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CloseMeeting}: ends a meeting nobody ended (the 8 h fallback),
 * writes its call-log summary, and tells the process when it ended so the
 * cleanup gateway can decide. Safe to run twice.
 */
@Component(MeetingLifecycleProcess.Workers.CLOSE)
class CloseMeeting implements JavaDelegate {

    private final Meetings meetings;
    private final MeetingSummaries summaries;
    private final EventOutbox outbox;
    private final Clock clock;

    CloseMeeting(Meetings meetings, MeetingSummaries summaries, EventOutbox outbox, Clock clock) {
        this.meetings = meetings;
        this.summaries = summaries;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = clock.instant();
        Meeting meeting = meetings.findById(execution.getProcessBusinessKey()).orElse(null);
        if (meeting == null) {
            execution.setVariable(Variables.ENDED_AT, Date.from(now));
            return; // deleted meanwhile: nothing to close
        }
        if (meeting.close(now)) {
            meeting = meetings.save(meeting);
            outbox.append(meeting.isInstantCall() ? "call.ended" : "meeting.ended", meeting.id(), Map.of("meetingId", meeting.id(),
                    "durationSeconds", meeting.duration().toSeconds(), "participantCount", meeting.distinctJoiners(),
                    "reason", "nobody ended it"));
        }
        summaries.record(meeting, now);
        execution.setVariable(Variables.ENDED_AT, Date.from(meeting.endedAt() != null ? meeting.endedAt() : now));
    }
}
