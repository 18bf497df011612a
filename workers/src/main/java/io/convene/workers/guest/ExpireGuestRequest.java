package io.convene.workers.guest;

import io.convene.application.guest.GuestAdmissions;
import io.convene.processes.guest.GuestAdmissionProcess;
import io.convene.processes.guest.GuestAdmissionProcess.Variables;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ExpireRequest}: the request's timer ran out unanswered (an answer at the same moment wins or loses whole). */
@Component(GuestAdmissionProcess.Workers.EXPIRE)
class ExpireGuestRequest implements JavaDelegate {

    private final GuestAdmissions admissions;

    ExpireGuestRequest(GuestAdmissions admissions) {
        this.admissions = admissions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        admissions.expire(UUID.fromString((String) execution.getVariable(Variables.REQUEST)));
    }
}
