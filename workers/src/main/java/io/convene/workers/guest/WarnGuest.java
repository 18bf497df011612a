package io.convene.workers.guest;

import io.convene.application.guest.GuestRemovals;
import io.convene.domain.guest.GuestSessionId;
import io.convene.processes.guest.GuestAdmissionProcess;
import io.convene.processes.support.ProcessDates;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_WarnGuest}: tells the guest when it will be removed — the grace timer's own literal, read from the model. */
@Component(GuestAdmissionProcess.Workers.WARN)
class WarnGuest implements JavaDelegate {

    private final GuestRemovals removals;

    WarnGuest(GuestRemovals removals) {
        this.removals = removals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        removals.warn(new GuestSessionId(UUID.fromString(execution.getProcessBusinessKey())), ProcessDates.timerDuration(
                execution.getBpmnModelInstance().getModelElementById(GuestAdmissionProcess.Elements.GRACE)));
    }
}
