package io.convene.application.guest;

import io.convene.domain.guest.GuestLinks;
import io.convene.domain.guest.GuestTokens;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.Meetings;
import io.convene.processes.guest.GuestAdmissionGateway;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Whether an invitation token lets a stranger in now: the meeting's current link, the meeting
 * open to guests, and now within the model's window around the scheduled start (always while in
 * progress; never once ended or cancelled). Before the window a current link is valid but not yet
 * open (the landing page counts down, registering waits). Every "no" is the same
 * {@link InvalidInvitationException}.
 */
@Component
class Invitations {

    private final GuestLinks links;
    private final Meetings meetings;
    private final GuestAdmissionGateway admission;
    private final GuestProperties limits;

    Invitations(GuestLinks links, Meetings meetings, GuestAdmissionGateway admission, GuestProperties limits) {
        this.links = links;
        this.meetings = meetings;
        this.admission = admission;
        this.limits = limits;
    }

    /** A valid, current token's meeting and whether it lets guests in now ({@code joinable}) or later. */
    record Valid(Meeting meeting, boolean joinable) {}

    /** The meeting {@code token} opens now; in the caller's transaction. */
    Meeting open(String token, Instant now) {
        Valid valid = lookUp(token, now);
        if (!valid.joinable()) {
            throw new InvalidInvitationException();
        }
        return valid.meeting();
    }

    /**
     * The meeting of a current token that is inside its window or still before it; anything else
     * (unknown, superseded, past its window, the meeting ended or cancelled or closed to guests)
     * is the uniform {@link InvalidInvitationException}. In the caller's transaction.
     */
    Valid lookUp(String token, Instant now) {
        if (token == null || token.isBlank() || token.length() > GuestTokens.MAX_LENGTH) {
            throw new InvalidInvitationException();
        }
        Meeting meeting = links.findByTokenHash(GuestTokens.hash(token))
                .flatMap(link -> meetings.findById(link.meetingId()))
                .orElseThrow(InvalidInvitationException::new);
        if (!guestsAllowed(meeting)) {
            throw new InvalidInvitationException();
        }
        if (meeting.status() == MeetingStatus.IN_PROGRESS) {
            return new Valid(meeting, true);
        }
        if (meeting.status() != MeetingStatus.SCHEDULED || now.isAfter(validUntil(meeting))) {
            throw new InvalidInvitationException();
        }
        return new Valid(meeting, !now.isBefore(validFrom(meeting)));
    }

    boolean guestsAllowed(Meeting meeting) {
        return meeting.isInstantCall() ? limits.callsAllowGuests() : meeting.allowExternal();
    }

    /** Whether the meeting is still one guests can come to (not ended, not cancelled, open to guests). */
    boolean usable(Meeting meeting) {
        return guestsAllowed(meeting)
                && (meeting.status() == MeetingStatus.SCHEDULED || meeting.status() == MeetingStatus.IN_PROGRESS);
    }

    GuestAdmissionGateway.Rules rules() {
        return admission.rules();
    }

    /** The window's end for a scheduled meeting (null: valid while in progress only). */
    Instant validUntil(Meeting meeting) {
        return meeting.status() == MeetingStatus.SCHEDULED
                ? meeting.startTime().plus(admission.rules().linkValidAfter()) : null;
    }

    Instant validFrom(Meeting meeting) {
        return meeting.status() == MeetingStatus.SCHEDULED
                ? meeting.startTime().minus(admission.rules().linkValidBefore()) : null;
    }
}
