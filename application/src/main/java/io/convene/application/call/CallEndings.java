package io.convene.application.call;

import io.convene.application.call.CallMeters.RingOutcome;
import io.convene.application.shared.CommittedCounter;
import io.convene.domain.calllog.CallLogEntries;
import io.convene.domain.meeting.CallEvent;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.ParticipantStatus;
import io.convene.processes.call.InstantCallGateway;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a call's end means to calls, in the end's transaction (however it ended: the last one
 * left, a hang-up, nobody answered, its maximum, its deletion): its rows in the call log
 * (docs/softphone.md: one log, "Recents" shows everything), and the phones that still ring stop
 * with it — those rings count as cancelled ({@code convene.calls.rings}) when it commits.
 */
@Component
class CallEndings {

    private final Meetings meetings;
    private final CallLogEntries callLog;
    private final InstantCallGateway process;
    private final CommittedCounter ringsCancelled;

    CallEndings(Meetings meetings, CallLogEntries callLog, InstantCallGateway process, MeterRegistry meters) {
        this.meetings = meetings;
        this.callLog = callLog;
        this.process = process;
        this.ringsCancelled = CallMeters.rings(meters, RingOutcome.CANCELLED);
    }

    @EventListener
    void ended(CallEvent.Ended ended) {
        meetings.findById(ended.meetingId()).ifPresent(call -> {
            callLog.recordInstantCall(call);
            countCancelledRings(call);
        });
    }

    /**
     * A ringing callee is invited (not accepted, declined or in the call), so a call with nobody
     * invited costs no look-up. A late invitee's ring stops when the ended call is cleaned up,
     * moments later; it is counted here.
     */
    private void countCancelledRings(Meeting call) {
        if (call.participants().stream().anyMatch(p -> p.status() == ParticipantStatus.INVITED)) {
            ringsCancelled.increment((int) process.ringCount(call.id().value()));
        }
    }
}
