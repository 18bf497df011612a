package io.convene.application.call;

import io.convene.domain.meeting.ParticipantEvent;
import io.convene.application.meeting.MeetingInputs;
import io.convene.application.shared.Actor;
import io.convene.application.shared.FieldError;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.conference.ConferenceAccess;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingRole;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import io.convene.domain.meeting.ParticipantStatus;
import io.convene.domain.user.DirectoryUser;
import io.convene.processes.call.InstantCallGateway;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Adding people mid-call and ringing again those who have not answered: same call id, rung by the same rules. */
@Service
public class CallInvitations {

    private final Meetings meetings;
    private final CallPolicy policy;
    private final MeetingInputs inputs;
    private final Ringing ringing;
    private final InstantCallGateway process;
    private final ConferenceAccess conference;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Clock clock;

    CallInvitations(Meetings meetings, CallPolicy policy, MeetingInputs inputs, Ringing ringing,
                    InstantCallGateway process, ConferenceAccess conference, EventOutbox outbox, UnitOfWork work,
                    Clock clock) {
        this.meetings = meetings;
        this.policy = policy;
        this.inputs = inputs;
        this.ringing = ringing;
        this.process = process;
        this.conference = conference;
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
                outbox.append(new ParticipantEvent.Invited(callId, invitee.id(), invitee.displayName(), actor.id(), true,
                        null));
            }
            Ringing.Reach reach = ringing.reach(added.stream().map(DirectoryUser::id).toList());
            ringing.notReachable(saved, reach);
            reach.ringing().forEach(callee -> process.ringLateInvitee(callId.value(), callee));
            return started(saved, reach);
        });
    }

    /**
     * Seed 002's {@code POST /api/calls/notify}: rings again the invitees who have not answered
     * (neither accepted nor declined, not in the call) and are online now — all of them, or
     * those of {@code userIds}. One whose phone still rings is not rung twice; one who is offline
     * is listed as not reachable and gets no new notice.
     */
    public CallStarted ringAgain(MeetingId callId, List<String> userIds, Actor actor) {
        return work.write(() -> {
            Meeting call = policy.visibleCall(callId, actor);
            policy.requireInCall(call, actor);
            policy.requireInProgress(call);
            List<String> unanswered = unanswered(call, userIds);
            Set<String> ringingNow = Set.copyOf(process.ringing(callId.value()));
            Ringing.Reach reach = ringing.reach(unanswered.stream().filter(id -> !ringingNow.contains(id)).toList());
            reach.ringing().forEach(callee -> process.ringLateInvitee(callId.value(), callee));
            return started(call, reach);
        });
    }

    private List<String> unanswered(Meeting call, List<String> userIds) {
        List<String> unanswered = call.participants().stream()
                .filter(p -> p.role() != MeetingRole.OWNER && p.status() == ParticipantStatus.INVITED)
                .map(Participant::userId).toList();
        if (userIds == null || userIds.isEmpty()) {
            return unanswered;
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < userIds.size(); i++) {
            if (call.participant(userIds.get(i)).isEmpty()) {
                errors.add(new FieldError("userIds[" + i + "]", "is not invited to this call"));
            }
        }
        InvalidInputException.throwIfAny(errors);
        return unanswered.stream().filter(userIds::contains).toList();
    }

    private CallStarted started(Meeting call, Ringing.Reach reach) {
        return new CallStarted(call, reach.ringing(), reach.unreachable(), conference.jitsiRoomUrl(call.roomKey()));
    }
}
