package io.convene.workers.recording;

import io.convene.application.recording.RecordingFinalisation;
import io.convene.domain.recording.RecordingId;
import io.convene.processes.recording.RecordingFinalisationProcess;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_VerifyChunks}: missing or corrupt chunks are a business outcome (the BPMN error {@code RecordingInvalid}, caught by the model); storage that cannot be reached throws, and the job is retried. */
@Component(RecordingFinalisationProcess.Workers.VERIFY)
class VerifyRecordingChunks implements JavaDelegate {

    private final RecordingFinalisation finalisation;

    VerifyRecordingChunks(RecordingFinalisation finalisation) {
        this.finalisation = finalisation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecordingId id = new RecordingId(execution.getProcessBusinessKey());
        finalisation.verify(id).ifPresent(reason -> {
            throw new BpmnError(RecordingFinalisationProcess.RECORDING_INVALID, reason);
        });
    }
}
