package io.convene.workers.guest;

import io.convene.application.guest.GuestAdmissions;
import io.convene.processes.guest.GuestAdmissionProcess;
import io.convene.processes.guest.GuestAdmissionProcess.Variables;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_NotifyParticipants}: runs in the ask's transaction; everyone inside sees the guest waiting. */
@Component(GuestAdmissionProcess.Workers.NOTIFY)
class NotifyGuestWaiting implements JavaDelegate {

    private final GuestAdmissions admissions;

    NotifyGuestWaiting(GuestAdmissions admissions) {
        this.admissions = admissions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        admissions.notifyWaiting(UUID.fromString((String) execution.getVariable(Variables.REQUEST)));
    }
}
