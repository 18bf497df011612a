package io.convene.api.meeting;

import io.convene.api.error.ForbiddenException;
import io.convene.api.error.NotFoundException;
import io.convene.api.security.CurrentUser;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingPermission;
import io.convene.domain.meeting.Participant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with a meeting — the one place this is decided.
 * Org admins may do anything. Someone not in the meeting gets 404 (it does not
 * exist for them); someone in it without the permission gets 403.
 */
@Component
public class MeetingPolicy {

    /** The meeting as {@code user} may see it, or 404. */
    public Meeting visible(Optional<Meeting> meeting, String meetingId, CurrentUser user) {
        return meeting.filter(m -> user.isAdmin() || m.participant(user.id()).isPresent())
                .orElseThrow(() -> new NotFoundException("meeting", meetingId));
    }

    /** A scheduled meeting (not an instant call: calls have their own endpoints) as {@code user} may see it, or 404. */
    public Meeting visibleMeeting(Optional<Meeting> meeting, String meetingId, CurrentUser user) {
        Meeting visible = visible(meeting, meetingId, user);
        if (visible.isInstantCall()) {
            throw new NotFoundException("meeting", meetingId);
        }
        return visible;
    }

    public void require(Meeting meeting, CurrentUser user, MeetingPermission permission) {
        if (!allows(meeting, user, permission)) {
            throw new ForbiddenException("Your role in this meeting does not allow " + permission.name().toLowerCase() + ".");
        }
    }

    public boolean allows(Meeting meeting, CurrentUser user, MeetingPermission permission) {
        if (user.isAdmin() && permission != MeetingPermission.ASSIGN_ROLES) {
            return true; // role assignment stays the owner's (PRODUCT.md), admins do everything else
        }
        return meeting.participant(user.id()).map(Participant::role).map(role -> role.allows(permission)).orElse(false);
    }

    /** Joining and the chat are for participants themselves (an admin who is not in it must be invited first). */
    public Participant requireParticipant(Meeting meeting, CurrentUser user) {
        return meeting.participant(user.id())
                .orElseThrow(() -> new ForbiddenException("Only participants can do this; invite yourself first."));
    }
}
