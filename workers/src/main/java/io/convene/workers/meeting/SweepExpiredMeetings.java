package io.convene.workers.meeting;

import io.convene.domain.meeting.MeetingQueries;
import io.convene.processes.meeting.MeetingCleanupSweepProcess;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SweepExpiredMeetings}: the fallback. Meetings more than
 * {@code olderThan} (PT8H in the model) past their scheduled end that no
 * lifecycle instance still holds are deleted.
 */
@Component(MeetingCleanupSweepProcess.WORKER)
class SweepExpiredMeetings implements JavaDelegate {

    private static final int BATCH = 200;
    private final MeetingQueries queries;
    private final MeetingCleaner cleaner;
    private final RuntimeService runtime;
    private final Clock clock;

    SweepExpiredMeetings(MeetingQueries queries, MeetingCleaner cleaner, RuntimeService runtime, Clock clock) {
        this.queries = queries;
        this.cleaner = cleaner;
        this.runtime = runtime;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Duration olderThan = Duration.parse((String) execution.getVariable(MeetingCleanupSweepProcess.OLDER_THAN));
        java.time.Instant cutoff = clock.instant().minus(olderThan);
        int held = 0; // skipped rows stay in the result: page past them so they never stall the sweep
        List<String> batch;
        do {
            batch = queries.endedBefore(cutoff, BATCH, held);
            for (String meetingId : batch) {
                boolean isHeld = runtime.createProcessInstanceQuery().rootProcessInstances()
                        .processInstanceBusinessKey(meetingId).count() > 0; // meeting-lifecycle or instant-call
                if (isHeld) {
                    held++;
                } else {
                    cleaner.cleanUp(meetingId);
                }
            }
        } while (batch.size() == BATCH);
    }
}
