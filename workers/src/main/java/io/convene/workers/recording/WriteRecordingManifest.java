package io.convene.workers.recording;

import io.convene.application.recording.RecordingFinalisation;
import io.convene.domain.recording.RecordingId;

import io.convene.processes.recording.RecordingFinalisationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_WriteManifest}: the manifest next to the chunks (its own job: storage may be down, then retries, then an incident). */
@Component(RecordingFinalisationProcess.Workers.WRITE_MANIFEST)
class WriteRecordingManifest implements JavaDelegate {

    private final RecordingFinalisation finalisation;

    WriteRecordingManifest(RecordingFinalisation finalisation) {
        this.finalisation = finalisation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecordingId id = new RecordingId(execution.getProcessBusinessKey());
        finalisation.writeManifest(id);
    }
}
