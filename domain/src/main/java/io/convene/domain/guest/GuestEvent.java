package io.convene.domain.guest;

import io.convene.domain.event.DomainEvent;
import io.convene.domain.event.EventFamily;
import io.convene.domain.event.EventInfo;
import io.convene.domain.meeting.MeetingId;
import java.time.Instant;
import java.util.List;

/** What happens to a meeting's guests (seed 002's {@code external.*}); keyed by the meeting. */
@EventFamily("external")
public sealed interface GuestEvent extends DomainEvent {

    MeetingId meetingId();

    @Override
    default String subject() {
        return meetingId().value();
    }

    @EventInfo(value = "A guest asks to be admitted; everyone in the meeting now (userIds) is asked.")
    record Waiting(MeetingId meetingId, String sessionId, String requestId, String displayName, List<String> userIds)
            implements GuestEvent {}

    @EventInfo(value = "A guest was admitted by someone inside.", webhook = true)
    record Admitted(MeetingId meetingId, String sessionId, String displayName, String admittedBy, String requestId)
            implements GuestEvent {}

    @EventInfo(value = "A guest's request was declined.", webhook = true)
    record Declined(MeetingId meetingId, String sessionId, String displayName, String declinedBy, String requestId)
            implements GuestEvent {}

    @EventInfo("Nobody answered a guest's request in time; the guest may ask again.")
    record RequestExpired(MeetingId meetingId, String sessionId, String requestId) implements GuestEvent {}

    @EventInfo(value = "An admitted guest entered the room.", webhook = true)
    record Joined(MeetingId meetingId, String sessionId, String displayName) implements GuestEvent {}

    @EventInfo("A guest left the room (reason: left, or why they were removed).")
    record Left(MeetingId meetingId, String sessionId, String displayName, String reason) implements GuestEvent {}

    @EventInfo("A guest was removed: its session ended (reason: all_server_users_left, removed_by_host, "
            + "meeting_deleted, …; removedBy when a host did it).")
    record Removed(MeetingId meetingId, String sessionId, String reason, String removedBy) implements GuestEvent {}

    @EventInfo("A guest ended their own session.")
    record SessionEnded(MeetingId meetingId, String sessionId) implements GuestEvent {}

    @EventInfo("Every portal user left: the admitted guest is warned and removed after the grace.")
    record AllServerUsersLeft(MeetingId meetingId, String sessionId, Instant removeAt, long graceSeconds)
            implements GuestEvent {}

    @EventInfo(value = "A new invitation link was made (the old one stopped working); never carries the token.",
            name = "meeting.invite_link_generated")
    record InviteLinkGenerated(MeetingId meetingId, String generatedBy, Instant validFrom, Instant validUntil,
                               List<String> participantIds) implements GuestEvent {}
}
