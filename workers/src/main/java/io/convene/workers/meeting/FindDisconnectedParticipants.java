package io.convene.workers.meeting;

import io.convene.application.meeting.LeavingByDisconnect;
import io.convene.processes.meeting.DisconnectLeaveSweepProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_FindDisconnected}: the participants whose join their sockets track and who have had no
 * live socket for longer than the leave grace become the multi-instance's {@code departures}.
 */
@Component(DisconnectLeaveSweepProcess.Workers.FIND)
class FindDisconnectedParticipants implements JavaDelegate {

    private final LeavingByDisconnect leaving;

    FindDisconnectedParticipants(LeavingByDisconnect leaving) {
        this.leaving = leaving;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(DisconnectLeaveSweepProcess.Variables.DEPARTURES, new java.util.ArrayList<>(
                leaving.stragglers().stream().map(s -> DisconnectLeaveSweepProcess.departure(s.meetingId().value(),
                        s.userId())).toList()));
    }
}
