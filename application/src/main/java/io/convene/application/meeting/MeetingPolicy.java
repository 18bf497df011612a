package io.convene.application.meeting;

import io.convene.application.shared.Actor;
import io.convene.application.shared.ForbiddenException;
import io.convene.application.shared.NotFoundException;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingPermission;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with a meeting — the one place this is decided.
 * Org admins may do anything. Someone not in the meeting gets 404 (it does not
 * exist for them); someone in it without the permission gets 403.
 */
@Component
public class MeetingPolicy {

    private final Meetings meetings;

    MeetingPolicy(Meetings meetings) {
        this.meetings = meetings;
    }

    /** The meeting or call as {@code actor} may see it, or 404. */
    public Meeting visible(MeetingId id, Actor actor) {
        return meetings.findById(id).filter(m -> maySee(m, actor))
                .orElseThrow(() -> new NotFoundException("meeting", id));
    }

    /** Whether {@code actor} may see this (loaded) meeting at all; those who may not get 404. */
    public boolean maySee(Meeting meeting, Actor actor) {
        return actor.isAdmin() || meeting.participant(actor.id()).isPresent();
    }

    /** A scheduled meeting (not an instant call: calls have their own endpoints) as {@code actor} may see it, or 404. */
    public Meeting visibleMeeting(MeetingId id, Actor actor) {
        Meeting visible = visible(id, actor);
        if (visible.isInstantCall()) {
            throw new NotFoundException("meeting", id);
        }
        return visible;
    }

    public void require(Meeting meeting, Actor actor, MeetingPermission permission) {
        if (!allows(meeting, actor, permission)) {
            throw new ForbiddenException("Your role in this meeting does not allow " + permission.name().toLowerCase() + ".");
        }
    }

    public boolean allows(Meeting meeting, Actor actor, MeetingPermission permission) {
        if (actor.isAdmin() && permission != MeetingPermission.ASSIGN_ROLES) {
            return true; // role assignment stays the owner's (PRODUCT.md), admins do everything else
        }
        return meeting.participant(actor.id()).map(Participant::role).map(role -> role.allows(permission)).orElse(false);
    }

    /** Joining and the chat are for participants themselves (an admin who is not in it must be invited first). */
    public Participant requireParticipant(Meeting meeting, Actor actor) {
        return meeting.participant(actor.id())
                .orElseThrow(() -> new ForbiddenException("Only participants can do this; invite yourself first."));
    }
}
