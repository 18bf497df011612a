package io.convene.application.guest;

import io.convene.application.guest.GuestResults.GuestView;
import io.convene.application.meeting.MeetingPolicy;
import io.convene.application.shared.Actor;
import io.convene.application.shared.Ids;
import io.convene.application.shared.NotFoundException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.guest.Admission;
import io.convene.domain.guest.GuestSession;
import io.convene.domain.guest.GuestSessionId;
import io.convene.domain.guest.GuestSessions;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.notification.Notifications;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A meeting's guests as its participants panel shows them (seed 002 §4.2: "Meeting host sees list
 * of external participants", the "Guest" badge), and an owner or manager removing one ("Option to
 * remove external participants (meeting owner/manager only)"). The meeting's participants see the
 * list (outsiders 404); the email a guest gave only its owner, managers and org admins.
 */
@Service
public class GuestRoster {

    static final String BADGE = "Guest";

    private final MeetingPolicy meetingPolicy;
    private final GuestPolicy policy;
    private final GuestSessions sessions;
    private final GuestRemovals removals;
    private final Notifications notifications;
    private final UnitOfWork work;
    private final Clock clock;

    GuestRoster(MeetingPolicy meetingPolicy, GuestPolicy policy, GuestSessions sessions, GuestRemovals removals,
                Notifications notifications, UnitOfWork work, Clock clock) {
        this.meetingPolicy = meetingPolicy;
        this.policy = policy;
        this.sessions = sessions;
        this.removals = removals;
        this.notifications = notifications;
        this.work = work;
        this.clock = clock;
    }

    /** The meeting's live guest sessions, the earliest registration first. */
    public List<GuestView> list(String meetingIdText, Actor actor, boolean callsOnly) {
        MeetingId id = Ids.meetingId(callsOnly ? "callId" : "meetingId", meetingIdText);
        return work.read(() -> {
            Meeting meeting = visible(id, actor, callsOnly);
            boolean withEmail = policy.managesGuests(meeting, actor);
            Instant now = clock.instant();
            return sessions.liveIn(id).stream().filter(s -> s.isActive(now))
                    .sorted(Comparator.comparing(GuestSession::createdAt))
                    .map(s -> view(s, withEmail)).toList();
        });
    }

    /** Owner, manager or org admin removes a live guest of this meeting (a member 403; another meeting's guest 404). */
    public void remove(String meetingIdText, String sessionId, Actor actor, boolean callsOnly) {
        MeetingId id = Ids.meetingId(callsOnly ? "callId" : "meetingId", meetingIdText);
        work.run(() -> {
            Meeting meeting = visible(id, actor, callsOnly);
            policy.requireManagesGuests(meeting, actor);
            GuestSession session = GuestSessionId.parse(sessionId).flatMap(sessions::findLocked)
                    .filter(s -> s.meetingId().equals(id)).filter(s -> s.isActive(clock.instant()))
                    .orElseThrow(() -> new NotFoundException("guest session", sessionId));
            if (removals.removeByHost(session, actor.id()) && session.admission() == Admission.PENDING) {
                // nobody needs to answer a guest who is gone (notifications are one per meeting, user and type)
                notifications.withdraw(id.value(), List.of(GuestAdmissions.NOTIFICATION_TYPE));
            }
        });
    }

    private Meeting visible(MeetingId id, Actor actor, boolean callsOnly) {
        Meeting meeting = meetingPolicy.visible(id, actor);
        if (callsOnly && !meeting.isInstantCall()) {
            throw new NotFoundException("call", id);
        }
        return meeting;
    }

    private static GuestView view(GuestSession s, boolean withEmail) {
        return new GuestView(s.id().toString(), s.meetingId().value(), s.displayName(), withEmail ? s.email() : null,
                s.admission().name().toLowerCase(), s.admittedBy(), s.isAdmitted() && s.joinedAt() != null,
                s.joinedAt(), s.createdAt(), s.expiresAt(), true, BADGE);
    }
}
