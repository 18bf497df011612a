package io.convene.api.meeting;

import io.convene.processes.call.InstantCallProcess;
import io.convene.processes.meeting.MeetingLifecycleProcess;
import io.convene.processes.meeting.MeetingLifecycleProcess.Messages;
import io.convene.processes.meeting.MeetingLifecycleProcess.Variables;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The API's side of meeting-lifecycle: start it, tell it what users did.
 * Runs inside the caller's transaction, so the change and the process move together.
 */
@Component
class MeetingProcess {

    private final RuntimeService runtime;

    MeetingProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    void scheduled(String meetingId, Instant start, Instant end) {
        runtime.startProcessInstanceByKey(MeetingLifecycleProcess.KEY, meetingId,
                Map.of(Variables.START_TIME, Date.from(start), Variables.END_TIME, Date.from(end)));
    }

    void rescheduled(String meetingId, Instant start, Instant end) {
        correlate(meetingId, Messages.RESCHEDULED,
                Map.of(Variables.START_TIME, Date.from(start), Variables.END_TIME, Date.from(end)));
    }

    void started(String meetingId) {
        correlate(meetingId, Messages.STARTED, Map.of());
    }

    void ended(io.convene.domain.meeting.Meeting meeting) {
        String message = meeting.isInstantCall() ? InstantCallProcess.Messages.ENDED : Messages.ENDED;
        correlate(meeting.id(), message, Map.of(Variables.ENDED_AT, Date.from(meeting.endedAt())));
    }

    void cancelled(String meetingId) {
        correlate(meetingId, Messages.CANCELLED, Map.of());
    }

    void deleted(String meetingId) {
        // meeting-lifecycle or instant-call; their call-ring children go with them
        runtime.createProcessInstanceQuery().rootProcessInstances()
                .processInstanceBusinessKey(meetingId).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "meeting deleted by its owner"));
    }

    private void correlate(String meetingId, String message, Map<String, Object> variables) {
        // correlateAll: no error when the instance is elsewhere (e.g. a second "ended" after a fallback)
        runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(meetingId)
                .setVariables(variables)
                .correlateAll();
    }
}
