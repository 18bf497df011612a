package io.convene.application.guest;

import io.convene.application.meeting.MeetingPolicy;
import io.convene.application.shared.Actor;
import io.convene.application.shared.ForbiddenException;
import io.convene.application.shared.NotFoundException;
import io.convene.domain.guest.GuestSession;
import io.convene.domain.guest.GuestSessionId;
import io.convene.domain.guest.GuestSessions;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingRole;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a guest session — the one place this is decided. A guest reaches its
 * own session only; anyone else's, or a made-up id, is 404 (it does not exist for them). A
 * portal user reaches the sessions of meetings they may see (else 404); answering a guest takes
 * being in the meeting now (else 403). Removing a guest, and seeing the email a guest gave, is for
 * the meeting's owner and managers (seed 002 §4.2: "meeting owner/manager only") and org admins.
 */
@Component
class GuestPolicy {

    private final GuestSessions sessions;
    private final Meetings meetings;
    private final MeetingPolicy meetingPolicy;
    private final Clock clock;

    GuestPolicy(GuestSessions sessions, Meetings meetings, MeetingPolicy meetingPolicy, Clock clock) {
        this.sessions = sessions;
        this.meetings = meetings;
        this.meetingPolicy = meetingPolicy;
        this.clock = clock;
    }

    /** The guest's own live session, or 404. */
    GuestSessionId own(String sessionId, Guest guest) {
        return GuestSessionId.parse(sessionId).filter(id -> id.equals(guest.sessionId()))
                .orElseThrow(() -> new NotFoundException("guest session", sessionId));
    }

    /** A live session of a meeting {@code actor} may see, or 404. */
    GuestSession visible(String sessionId, Actor actor) {
        return GuestSessionId.parse(sessionId).flatMap(sessions::find)
                .filter(s -> s.isActive(clock.instant()))
                .filter(s -> meetings.findById(s.meetingId()).filter(m -> meetingPolicy.maySee(m, actor)).isPresent())
                .orElseThrow(() -> new NotFoundException("guest session", sessionId));
    }

    /** Whether {@code actor} (who may see the meeting) manages its guests: owner, manager, org admin. */
    boolean managesGuests(Meeting meeting, Actor actor) {
        return actor.isAdmin() || meeting.participant(actor.id()).map(Participant::role)
                .filter(role -> role == MeetingRole.OWNER || role == MeetingRole.MANAGER).isPresent();
    }

    void requireManagesGuests(Meeting meeting, Actor actor) {
        if (!managesGuests(meeting, actor)) {
            throw new ForbiddenException("Only the meeting's owner and managers can remove a guest.");
        }
    }

    /** Only someone in the meeting now answers a guest. */
    Participant requireInside(Meeting meeting, Actor actor) {
        return meeting.participant(actor.id()).filter(Participant::isPresent)
                .orElseThrow(() -> new ForbiddenException("Only someone in the meeting now can let a guest in or turn one away."));
    }
}
