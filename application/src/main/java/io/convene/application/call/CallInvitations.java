package io.convene.application.call;

import io.convene.application.meeting.MeetingInputs;
import io.convene.application.shared.Actor;
import io.convene.application.shared.FieldError;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.user.DirectoryUser;
import io.convene.processes.call.InstantCallGateway;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Adding people mid-call: same call id, rung by the same rules. */
@Service
public class CallInvitations {

    private final Meetings meetings;
    private final CallPolicy policy;
    private final MeetingInputs inputs;
    private final Ringing ringing;
    private final InstantCallGateway process;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Clock clock;

    CallInvitations(Meetings meetings, CallPolicy policy, MeetingInputs inputs, Ringing ringing,
                    InstantCallGateway process, EventOutbox outbox, UnitOfWork work, Clock clock) {
        this.meetings = meetings;
        this.policy = policy;
        this.inputs = inputs;
        this.ringing = ringing;
        this.process = process;
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    public CallStarted invite(MeetingId callId, List<String> userIds, Actor actor) {
        inputs.requireFewEnough("participantIds", userIds);
        // who may add people is checked before any identity-provider look-up: an outsider costs none
        work.read(() -> {
            policy.requireInCall(policy.visibleCall(callId, actor), actor);
            return null;
        });
        List<FieldError> errors = new ArrayList<>();
        List<DirectoryUser> users = inputs.users("participantIds", userIds, errors); // outside the transaction
        return work.write(() -> {
            Meeting call = policy.visibleCall(callId, actor);
            policy.requireInCall(call, actor);
            InvalidInputException.throwIfAny(errors);
            inputs.requireRoomFor(call, users, "participantIds");
            List<DirectoryUser> added = call.invite(users, clock.instant());
            Meeting saved = meetings.save(call);
            for (DirectoryUser invitee : added) {
                outbox.append("participant.invited", callId.value(), Map.of("meetingId", callId.value(),
                        "userId", invitee.id(), "displayName", invitee.displayName(), "invitedBy", actor.id(),
                        "live", true));
            }
            Ringing.Reach reach = ringing.reach(saved, added);
            reach.ringing().forEach(callee -> process.ringLateInvitee(callId.value(), callee));
            return new CallStarted(saved, reach.ringing(), reach.unreachable());
        });
    }
}
