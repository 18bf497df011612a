package io.convene.processes.recording;

import io.convene.processes.recording.RecordingFinalisationProcess.Messages;
import io.convene.processes.recording.RecordingFinalisationProcess.Variables;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The one place that starts recording-finalisation instances and tells them what happened.
 * Runs in the caller's transaction, so an acknowledged chunk and its process move together.
 */
@Component
public class RecordingFinalisationGateway {

    private final RuntimeService runtime;

    RecordingFinalisationGateway(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** The first chunk of a new recording: the process starts collecting. */
    public void started(String recordingId, String meetingId) {
        runtime.startProcessInstanceByKey(RecordingFinalisationProcess.KEY, recordingId,
                Map.of(Variables.RECORDING, recordingId, Variables.MEETING, meetingId));
    }

    /** Another chunk: the quiet period starts again. */
    public void chunkUploaded(String recordingId) {
        runtime.createMessageCorrelation(Messages.CHUNK_UPLOADED).processInstanceBusinessKey(recordingId).correlateAll();
    }

    /** The meeting ended: a recording still collecting chunks is finalised now. No recording: nothing happens. */
    public void meetingEnded(String meetingId) {
        runtime.createMessageCorrelation(Messages.MEETING_ENDED)
                .processInstanceVariableEquals(Variables.MEETING, meetingId)
                .correlateAll();
    }

    /** The owner deleted the recording: wherever the process is, it deletes it now. */
    public void deletedByOwner(String recordingId) {
        runtime.createMessageCorrelation(Messages.DELETED_BY_OWNER).processInstanceBusinessKey(recordingId).correlateAll();
    }
}
