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
 * progress; never once ended or cancelled). Every "no" is the same {@link InvalidInvitationException}.
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

    /** The meeting {@code token} opens now; in the caller's transaction. */
    Meeting open(String token, Instant now) {
        if (token == null || token.isBlank() || token.length() > GuestTokens.MAX_LENGTH) {
            throw new InvalidInvitationException();
        }
        Meeting meeting = links.findByTokenHash(GuestTokens.hash(token))
                .flatMap(link -> meetings.findById(link.meetingId()))
                .orElseThrow(InvalidInvitationException::new);
        if (!guestsAllowed(meeting) || !withinWindow(meeting, now)) {
            throw new InvalidInvitationException();
        }
        return meeting;
    }

    boolean guestsAllowed(Meeting meeting) {
        return meeting.isInstantCall() ? limits.callsAllowGuests() : meeting.allowExternal();
    }

    private boolean withinWindow(Meeting meeting, Instant now) {
        if (meeting.status() == MeetingStatus.IN_PROGRESS) {
            return true;
        }
        if (meeting.status() != MeetingStatus.SCHEDULED) {
            return false;
        }
        GuestAdmissionGateway.Rules rules = admission.rules();
        return !now.isBefore(meeting.startTime().minus(rules.linkValidBefore()))
                && !now.isAfter(meeting.startTime().plus(rules.linkValidAfter()));
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
