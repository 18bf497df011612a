package io.convene.workers.recording;

import io.convene.application.recording.RecordingFinalisation;
import io.convene.domain.recording.RecordingId;

import io.convene.processes.recording.RecordingFinalisationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_MarkFailed}: chunks missing or corrupt ({@code failureReason}); the owner is told. */
@Component(RecordingFinalisationProcess.Workers.MARK_FAILED)
class MarkRecordingFailed implements JavaDelegate {

    private final RecordingFinalisation finalisation;

    MarkRecordingFailed(RecordingFinalisation finalisation) {
        this.finalisation = finalisation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecordingId id = new RecordingId(execution.getProcessBusinessKey());
        finalisation.markFailed(id, (String) execution.getVariable(RecordingFinalisationProcess.Variables.FAILURE_REASON));
    }
}
