package io.convene.workers.recording;

import io.convene.application.recording.RecordingFinalisation;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.recording.RecordingId;
import io.convene.processes.recording.RecordingFinalisationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_DeleteRecording} / {@code Task_DeleteRecordingNow}: retention over or deleted by its owner; objects, then the row. */
@Component(RecordingFinalisationProcess.Workers.DELETE)
class DeleteRecording implements JavaDelegate {

    private final RecordingFinalisation finalisation;

    DeleteRecording(RecordingFinalisation finalisation) {
        this.finalisation = finalisation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecordingId id = new RecordingId(execution.getProcessBusinessKey());
        finalisation.delete(id, new MeetingId((String) execution.getVariable(RecordingFinalisationProcess.Variables.MEETING)));
    }
}
