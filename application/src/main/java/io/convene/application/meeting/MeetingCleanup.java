package io.convene.application.meeting;

import io.convene.application.shared.UnitOfWork;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingQueries;
import io.convene.domain.meeting.MeetingSummaries;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.notification.Notifications;
import io.convene.processes.support.ProcessInstances;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.MeetingEvent;
import org.springframework.stereotype.Service;

/**
 * The end of a meeting's or call's life: deleted with its participants, chat and transient
 * notices; its call-log summary (if it ended) stays. Also the fallback sweep for meetings
 * that no process holds any more.
 */
@Service
public class MeetingCleanup {

    private static final int SWEEP_BATCH = 200;

    private final Meetings meetings;
    private final MeetingQueries queries;
    private final MeetingTransitions transitions;
    private final MeetingSummaries summaries;
    private final Notifications notifications;
    private final ProcessInstances processes;
    private final UnitOfWork work;
    private final Clock clock;
    private final EventOutbox outbox;

    MeetingCleanup(Meetings meetings, MeetingQueries queries, MeetingTransitions transitions, MeetingSummaries summaries,
                   Notifications notifications, ProcessInstances processes, UnitOfWork work, Clock clock,
                   EventOutbox outbox) {
        this.outbox = outbox;
        this.summaries = summaries;
        this.meetings = meetings;
        this.queries = queries;
        this.transitions = transitions;
        this.notifications = notifications;
        this.processes = processes;
        this.work = work;
        this.clock = clock;
    }

    /** Its process's cleanup window is over: delete it. Safe to run twice. */
    public void cleanUp(MeetingId id) {
        work.run(() -> {
            if (!meetings.existsById(id)) {
                return; // cleaned already: a retried job
            }
            transitions.close(id); // one still running (the sweep, a deleted call) ends first: its event and summary
            notifications.deleteTransient(id.value());
            meetings.deleteById(id);
            outbox.append(new MeetingEvent.CleanedUp(id, id.isCall()));
        });
    }

    /** The call-log summaries' retention is over for what ended more than {@code retention} ago. */
    public int forgetSummaries(Duration retention) {
        return work.write(() -> summaries.deleteEndedBefore(clock.instant().minus(retention)));
    }

    /**
     * The fallback: meetings more than {@code olderThan} past their scheduled end that no
     * process instance still holds are deleted.
     */
    public void sweep(Duration olderThan) {
        Instant cutoff = clock.instant().minus(olderThan);
        int held = 0; // skipped rows stay in the result: page past them so they never stall the sweep
        List<String> batch;
        do {
            batch = queries.endedBefore(cutoff, SWEEP_BATCH, held);
            for (String meetingId : batch) {
                if (processes.anyRunning(meetingId)) { // meeting-lifecycle or instant-call
                    held++;
                } else {
                    cleanUp(new MeetingId(meetingId));
                }
            }
        } while (batch.size() == SWEEP_BATCH);
    }
}
