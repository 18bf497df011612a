package io.convene.api.meeting;

import io.convene.api.error.BadRequestException;
import io.convene.api.error.ConflictException;
import io.convene.api.error.FieldError;
import io.convene.api.error.ForbiddenException;
import io.convene.api.security.CurrentUser;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingPermission;
import io.convene.domain.meeting.MeetingRole;
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
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Invitations, answers, removals and roles. */
@Service
class ParticipantService {

    private final Meetings meetings;
    private final MeetingPolicy policy;
    private final MeetingInputs inputs;
    private final EventOutbox outbox;
    private final Notifications notifications;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final MeetingTransitions transitions;

    ParticipantService(Meetings meetings, MeetingPolicy policy, MeetingInputs inputs, EventOutbox outbox,
                       Notifications notifications, Clock clock, TransactionTemplate transactions,
                       MeetingTransitions transitions) {
        this.transitions = transitions;
        this.transactions = transactions;
        this.meetings = meetings;
        this.policy = policy;
        this.inputs = inputs;
        this.outbox = outbox;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Invites users; {@code live} invites ring into a meeting in progress (seed 002 §3.8). */
    Meeting invite(String meetingId, List<String> userIds, boolean live, CurrentUser user) {
        List<FieldError> errors = new ArrayList<>();
        List<DirectoryUser> users = inputs.users("participantIds", userIds, errors); // before the transaction
        return transactions.execute(tx -> {
            Meeting meeting = policy.visibleMeeting(meetings.findById(meetingId), meetingId, user);
            policy.require(meeting, user, MeetingPermission.INVITE);
            MeetingInputs.throwIfAny(errors);
            return invite(meeting, users, live, user);
        });
    }

    private Meeting invite(Meeting meeting, List<DirectoryUser> users, boolean live, CurrentUser user) {
        if (live && meeting.status() != MeetingStatus.IN_PROGRESS) {
            throw new ConflictException("A live invite needs the meeting in progress; it is " + MeetingViews.lower(meeting.status()) + ".");
        }
        Instant now = clock.instant();
        List<DirectoryUser> added = meeting.invite(users, now);
        Meeting saved = meetings.save(meeting);
        for (DirectoryUser invitee : added) {
            outbox.append("participant.invited", saved.id(), Map.of("meetingId", saved.id(), "userId", invitee.id(),
                    "displayName", invitee.displayName(), "invitedBy", user.id(), "live", live));
            if (live) {
                notifications.addOnce(invitee.id(), "meeting.live_invite", saved.id(),
                        user.name() + " invites you to join " + saved.title() + " now",
                        Map.of("meetingId", saved.id(), "invitedBy", user.id()), now, null);
            }
        }
        return saved;
    }

    @Transactional
    Meeting remove(String meetingId, String userId, CurrentUser user) {
        Meeting meeting = policy.visibleMeeting(meetings.findById(meetingId), meetingId, user);
        policy.require(meeting, user, MeetingPermission.REMOVE);
        boolean emptied = meeting.remove(userId, clock.instant());
        Meeting saved = meetings.save(meeting);
        outbox.append("participant.removed", saved.id(), Map.of("meetingId", saved.id(), "userId", userId,
                "removedBy", user.id()));
        if (emptied) {
            transitions.ended(saved, "the last participant was removed");
        }
        return saved;
    }

    /** The invitee answers their own invitation. */
    @Transactional
    Meeting respond(String meetingId, String userId, boolean accept, CurrentUser user) {
        Meeting meeting = policy.visibleMeeting(meetings.findById(meetingId), meetingId, user);
        if (!userId.equals(user.id())) {
            throw new ForbiddenException("Only the invitee answers an invitation.");
        }
        meeting.respond(userId, accept);
        Meeting saved = meetings.save(meeting);
        outbox.append(accept ? "participant.accepted" : "participant.declined", saved.id(),
                Map.of("meetingId", saved.id(), "userId", userId));
        return saved;
    }

    @Transactional
    Meeting assignRole(String meetingId, String userId, String roleId, CurrentUser user) {
        Meeting meeting = policy.visibleMeeting(meetings.findById(meetingId), meetingId, user);
        policy.require(meeting, user, MeetingPermission.ASSIGN_ROLES);
        MeetingRole role = role(roleId);
        meeting.assignRole(userId, role);
        Meeting saved = meetings.save(meeting);
        outbox.append("participant.role_changed", saved.id(), Map.of("meetingId", saved.id(), "userId", userId,
                "role", MeetingViews.lower(role)));
        return saved;
    }

    /** {@code manager}, {@code meeting_manager} (seed 002's role ids) … */
    private static MeetingRole role(String roleId) {
        String name = roleId.toLowerCase(Locale.ROOT).replaceFirst("^meeting_", "");
        for (MeetingRole role : MeetingRole.values()) {
            if (role.name().equalsIgnoreCase(name)) {
                return role;
            }
        }
        throw new BadRequestException("roleId", "must be one of owner, manager, member");
    }
}
