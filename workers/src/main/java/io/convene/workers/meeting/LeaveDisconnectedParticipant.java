package io.convene.workers.meeting;

import io.convene.application.meeting.LeavingByDisconnect;
import io.convene.domain.meeting.MeetingId;
import io.convene.processes.meeting.DisconnectLeaveSweepProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_LeaveDisconnected}, once per {@code departure}, in its own job: leaves as by
 * {@code POST …/leave} (reason disconnected) if the rule still holds (no socket came back meanwhile).
 */
@Component(DisconnectLeaveSweepProcess.Workers.LEAVE)
class LeaveDisconnectedParticipant implements JavaDelegate {

    private final LeavingByDisconnect leaving;

    LeaveDisconnectedParticipant(LeavingByDisconnect leaving) {
        this.leaving = leaving;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String departure = (String) execution.getVariable(DisconnectLeaveSweepProcess.Variables.DEPARTURE);
        leaving.leave(new MeetingId(DisconnectLeaveSweepProcess.meetingIdOf(departure)),
                DisconnectLeaveSweepProcess.userIdOf(departure));
    }
}
