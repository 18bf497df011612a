package io.convene.application.call;

import io.convene.application.meeting.MeetingTransitions;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingRole;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.ParticipantStatus;
import io.convene.processes.call.InstantCallGateway;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * A call nobody answered (seed 002, scenario 2: "Bob declined", "Bob didn't answer"): when
 * every callee has declined or missed their ring and the caller is alone, the call ends and is
 * cleaned up. The instant-call process asks after each ring it ran and hangs up; see its model.
 */
@Service
public class CallAbandonment {

    /** A callee in one of these answered the call (and may be in it, or come back). */
    private static final Set<ParticipantStatus> ANSWERED =
            EnumSet.of(ParticipantStatus.ACCEPTED, ParticipantStatus.JOINED, ParticipantStatus.LEFT);

    private final Meetings meetings;
    private final MeetingTransitions transitions;
    private final InstantCallGateway process;
    private final UnitOfWork work;
    private final Clock clock;

    CallAbandonment(Meetings meetings, MeetingTransitions transitions, InstantCallGateway process, UnitOfWork work,
                    Clock clock) {
        this.meetings = meetings;
        this.transitions = transitions;
        this.process = process;
        this.work = work;
        this.clock = clock;
    }

    /**
     * True when no callee answered, no phone rings any more and the caller is alone — or the
     * call is over already (ended, or gone). Locks the call's row: a leave or hang-up at this
     * very moment either waits for this answer (then finds the process waiting for it) or is
     * seen by it.
     */
    public boolean callerLeftAlone(MeetingId callId) {
        return work.write(() -> {
            Meeting call = meetings.findLockedById(callId).orElse(null);
            if (call == null || call.status() != MeetingStatus.IN_PROGRESS) {
                return true;
            }
            boolean answered = call.participants().stream()
                    .anyMatch(p -> p.role() != MeetingRole.OWNER && ANSWERED.contains(p.status()));
            return !answered && process.ringing(callId.value()).isEmpty();
        });
    }

    /**
     * Ends the call nobody answered: the caller leaves, the call-log summary and call.ended are
     * written. Safe to run twice. Locks the call's row first, so a hang-up by the caller at the
     * same moment waits and then finds it ended, instead of failing this job.
     */
    public void hangUp(MeetingId callId) {
        work.run(() -> {
            Meeting call = meetings.findLockedById(callId).orElse(null);
            if (call == null) {
                return;
            }
            if (call.close(clock.instant())) {
                transitions.ended(meetings.save(call), "nobody answered", null);
            } else {
                transitions.close(callId); // ended by someone meanwhile: make sure its summary is there
            }
        });
    }
}
