package io.convene.workers.recording;

import io.convene.application.recording.RecordingFinalisation;
import io.convene.domain.recording.RecordingId;

import io.convene.processes.recording.RecordingFinalisationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CloseUploads}: the quiet period passed or the meeting ended; no more chunks. */
@Component(RecordingFinalisationProcess.Workers.CLOSE_UPLOADS)
class CloseRecordingUploads implements JavaDelegate {

    private final RecordingFinalisation finalisation;

    CloseRecordingUploads(RecordingFinalisation finalisation) {
        this.finalisation = finalisation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecordingId id = new RecordingId(execution.getProcessBusinessKey());
        finalisation.closeUploads(id);
    }
}
