package io.convene.workers.guest;

import io.convene.application.guest.GuestRemovals;
import io.convene.domain.guest.GuestSessionId;
import io.convene.processes.guest.GuestAdmissionProcess;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_EndSessionAtMaximum}: the session reached the model's maximum (PT24H). */
@Component(GuestAdmissionProcess.Workers.END_SESSION)
class EndGuestSession implements JavaDelegate {

    private final GuestRemovals removals;

    EndGuestSession(GuestRemovals removals) {
        this.removals = removals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        removals.endAtMaximum(new GuestSessionId(UUID.fromString(execution.getProcessBusinessKey())));
    }
}
