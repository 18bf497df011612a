package io.convene.processes.meeting;

import io.convene.processes.meeting.MeetingLifecycleProcess.Messages;
import io.convene.processes.meeting.MeetingLifecycleProcess.Variables;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The one place that starts meeting-lifecycle instances and tells them what happened
 * (business key = meeting id). Runs in the caller's transaction, so a change and its
 * process move together.
 */
@Component
public class MeetingLifecycleGateway {

    private final RuntimeService runtime;

    MeetingLifecycleGateway(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public void scheduled(String meetingId, Instant start, Instant end) {
        runtime.startProcessInstanceByKey(MeetingLifecycleProcess.KEY, meetingId,
                Map.of(Variables.START_TIME, Date.from(start), Variables.END_TIME, Date.from(end)));
    }

    public void rescheduled(String meetingId, Instant start, Instant end) {
        correlate(meetingId, Messages.RESCHEDULED,
                Map.of(Variables.START_TIME, Date.from(start), Variables.END_TIME, Date.from(end)));
    }

    public void started(String meetingId) {
        correlate(meetingId, Messages.STARTED, Map.of());
    }

    public void ended(String meetingId, Instant endedAt) {
        correlate(meetingId, Messages.ENDED, Map.of(Variables.ENDED_AT, Date.from(endedAt)));
    }

    /** The last participant left before the scheduled end: it waits, joinable, until then. */
    public void emptied(String meetingId) {
        correlate(meetingId, Messages.EMPTIED, Map.of());
    }

    /** Someone joined the empty meeting again: the wait for the scheduled end is over. */
    public void rejoined(String meetingId) {
        correlate(meetingId, Messages.REJOINED, Map.of());
    }

    public void cancelled(String meetingId) {
        correlate(meetingId, Messages.CANCELLED, Map.of());
    }

    private void correlate(String meetingId, String message, Map<String, Object> variables) {
        // correlateAll: no error when the instance is elsewhere (e.g. a second "ended" after a fallback)
        runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(meetingId)
                .setVariables(variables)
                .correlateAll();
    }
}
