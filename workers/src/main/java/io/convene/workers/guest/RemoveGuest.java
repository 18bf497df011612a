package io.convene.workers.guest;

import io.convene.application.guest.GuestRemovals;
import io.convene.domain.guest.GuestSessionId;
import io.convene.processes.guest.GuestAdmissionProcess;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_RemoveGuest}: the grace after the last internal participant left is over. */
@Component(GuestAdmissionProcess.Workers.REMOVE)
class RemoveGuest implements JavaDelegate {

    private final GuestRemovals removals;

    RemoveGuest(GuestRemovals removals) {
        this.removals = removals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        removals.remove(new GuestSessionId(UUID.fromString(execution.getProcessBusinessKey())));
    }
}
