package io.convene.workers.recording;

import io.convene.application.recording.RecordingFinalisation;
import io.convene.domain.recording.RecordingId;

import io.convene.processes.recording.RecordingFinalisationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_MarkReady}: in the manifest's job, after it was written; emits {@code recording.ready}. */
@Component(RecordingFinalisationProcess.Workers.MARK_READY)
class MarkRecordingReady implements JavaDelegate {

    private final RecordingFinalisation finalisation;

    MarkRecordingReady(RecordingFinalisation finalisation) {
        this.finalisation = finalisation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecordingId id = new RecordingId(execution.getProcessBusinessKey());
        finalisation.markReady(id);
    }
}
