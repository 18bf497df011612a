package io.convene.application.meeting;

import io.convene.domain.meeting.ParticipantEvent;
import io.convene.application.shared.Actor;
import io.convene.application.shared.ConflictException;
import io.convene.application.shared.FieldError;
import io.convene.application.shared.ForbiddenException;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.NotFoundException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.Meeting.Departure;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingPermission;
import io.convene.domain.meeting.MeetingRole;
import io.convene.domain.meeting.Participant;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.notification.Notifications;
import io.convene.domain.user.DirectoryUser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/** A meeting's participants: invitations, answers, removals and roles. */
@Service
public class ParticipantChanges {

    private final Meetings meetings;
    private final MeetingPolicy policy;
    private final MeetingInputs inputs;
    private final MeetingTransitions transitions;
    private final EventOutbox outbox;
    private final Notifications notifications;
    private final UnitOfWork work;
    private final Clock clock;

    ParticipantChanges(Meetings meetings, MeetingPolicy policy, MeetingInputs inputs, MeetingTransitions transitions,
                       EventOutbox outbox, Notifications notifications, UnitOfWork work, Clock clock) {
        this.meetings = meetings;
        this.policy = policy;
        this.inputs = inputs;
        this.transitions = transitions;
        this.outbox = outbox;
        this.notifications = notifications;
        this.work = work;
        this.clock = clock;
    }

    /** Invites users; {@code live} invites ring into a meeting in progress (seed 002 §3.8). */
    public Meeting invite(MeetingId id, List<String> userIds, boolean live, Actor actor) {
        inputs.requireFewEnough("participantIds", userIds);
        // who may invite is checked before any identity-provider look-up: an outsider costs none
        work.read(() -> {
            policy.require(policy.visibleMeeting(id, actor), actor, MeetingPermission.INVITE);
            return null;
        });
        List<FieldError> errors = new ArrayList<>();
        List<DirectoryUser> users = inputs.users("participantIds", userIds, errors); // outside the transaction
        return work.write(() -> {
            Meeting meeting = policy.visibleMeeting(id, actor);
            policy.require(meeting, actor, MeetingPermission.INVITE);
            InvalidInputException.throwIfAny(errors);
            if (live && meeting.status() != MeetingStatus.IN_PROGRESS) {
                throw new ConflictException("A live invite needs the meeting in progress; it is "
                        + MeetingResults.lower(meeting.status()) + ".");
            }
            inputs.requireRoomFor(meeting, users, "participantIds");
            Instant now = clock.instant();
            List<DirectoryUser> added = meeting.invite(users, now);
            Meeting saved = meetings.save(meeting);
            for (DirectoryUser invitee : added) {
                outbox.append(new ParticipantEvent.Invited(id, invitee.id(), invitee.displayName(), actor.id(), live, null));
                if (live) {
                    notifications.addOnce(invitee.id(), "meeting.live_invite", id.value(),
                            actor.displayName() + " invites you to join " + saved.title() + " now",
                            Map.of("meetingId", id.value(), "invitedBy", actor.id()), now, null);
                }
            }
            return saved;
        });
    }

    public Meeting remove(MeetingId id, String userId, Actor actor) {
        return work.write(() -> {
            Meeting meeting = policy.visibleMeeting(id, actor);
            policy.require(meeting, actor, MeetingPermission.REMOVE);
            Departure departure = meeting.remove(userId, clock.instant());
            Meeting saved = meetings.save(meeting);
            outbox.append(new ParticipantEvent.Removed(id, userId, actor.id()));
            transitions.departed(saved, departure, "the last participant was removed");
            return saved;
        });
    }

    /** The invitee answers their own invitation. */
    public Meeting respond(MeetingId id, String userId, boolean accept, Actor actor) {
        return work.write(() -> {
            Meeting meeting = policy.visibleMeeting(id, actor);
            if (!userId.equals(actor.id())) {
                throw new ForbiddenException("Only the invitee answers an invitation.");
            }
            meeting.respond(userId, accept);
            Meeting saved = meetings.save(meeting);
            String name = saved.participant(userId).map(Participant::displayName).orElse(actor.displayName());
            outbox.append(accept ? new ParticipantEvent.Accepted(id, userId, name)
                    : new ParticipantEvent.Declined(id, userId, name));
            return saved;
        });
    }

    /**
     * Sc6.3: an owner or manager ({@code can_mute_participants}) mutes a participant of a meeting or
     * call; they are told ("You were muted by Bob") and join muted until they unmute. A participant
     * unmutes themselves (or one with the permission does). Stored and announced; nothing changes
     * for a repeat.
     */
    public Meeting mute(MeetingId id, String userId, boolean muted, Actor actor) {
        return work.write(() -> {
            Meeting meeting = policy.visible(id, actor);
            boolean self = userId.equals(actor.id());
            if (muted || !self) {
                policy.require(meeting, actor, MeetingPermission.MUTE);
            }
            Participant target = meeting.participant(userId)
                    .orElseThrow(() -> new NotFoundException("participant", userId));
            if (!meeting.mute(userId, muted, actor.id(), clock.instant())) {
                return meeting;
            }
            Meeting saved = meetings.save(meeting);
            outbox.append(muted
                    ? new ParticipantEvent.Muted(id, userId, target.displayName(), actor.id(), actor.displayName())
                    : new ParticipantEvent.Unmuted(id, userId, target.displayName(), actor.id(), actor.displayName()));
            return saved;
        });
    }

    /** The owner gives a participant a role: {@code manager}, {@code meeting_manager} (seed 002's ids), … */
    public Meeting assignRole(MeetingId id, String userId, String roleId, Actor actor) {
        return work.write(() -> {
            Meeting meeting = policy.visibleMeeting(id, actor);
            policy.require(meeting, actor, MeetingPermission.ASSIGN_ROLES);
            MeetingRole role = role(roleId);
            meeting.assignRole(userId, role);
            Meeting saved = meetings.save(meeting);
            outbox.append(new ParticipantEvent.RoleChanged(id, userId, MeetingResults.lower(role)));
            return saved;
        });
    }

    private static MeetingRole role(String roleId) {
        String name = roleId.toLowerCase(Locale.ROOT).replaceFirst("^meeting_", "");
        for (MeetingRole role : MeetingRole.values()) {
            if (role.name().equalsIgnoreCase(name)) {
                return role;
            }
        }
        throw new InvalidInputException("roleId", "must be one of owner, manager, member");
    }
}
