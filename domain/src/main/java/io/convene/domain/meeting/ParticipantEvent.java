package io.convene.domain.meeting;

import io.convene.domain.event.DomainEvent;
import io.convene.domain.event.EventFamily;
import io.convene.domain.event.EventInfo;

/** What happens to a participant of a meeting or call (both: {@code meetingId} is either's id). */
@EventFamily("participant")
public sealed interface ParticipantEvent extends DomainEvent {

    MeetingId meetingId();

    String userId();

    @Override
    default String subject() {
        return meetingId().value();
    }

    @EventInfo(value = "A user was invited (live: into a meeting or call under way, which tells them at once).")
    record Invited(MeetingId meetingId, String userId, String displayName, String invitedBy, boolean live,
                   String threadId) implements ParticipantEvent {}

    @EventInfo("A participant accepted their invitation.")
    record Accepted(MeetingId meetingId, String userId, String displayName) implements ParticipantEvent {}

    @EventInfo("A participant declined their invitation.")
    record Declined(MeetingId meetingId, String userId, String displayName) implements ParticipantEvent {}

    @EventInfo(value = "A participant joined (first: no other portal user was in it).", webhook = true)
    record Joined(MeetingId meetingId, String userId, String displayName, boolean first) implements ParticipantEvent {}

    @EventInfo(value = "A participant left (reason: left, disconnected — their last socket closed —, or a sweep's).", webhook = true)
    record Left(MeetingId meetingId, String userId, String displayName, String reason) implements ParticipantEvent {}

    @EventInfo("A participant was removed by the owner (or an org admin).")
    record Removed(MeetingId meetingId, String userId, String removedBy) implements ParticipantEvent {}

    @EventInfo("A participant was muted by an owner or manager (Sc6.3).")
    record Muted(MeetingId meetingId, String userId, String displayName, String by, String byName)
            implements ParticipantEvent {}

    @EventInfo("A participant was unmuted (by themselves or an owner or manager).")
    record Unmuted(MeetingId meetingId, String userId, String displayName, String by, String byName)
            implements ParticipantEvent {}

    @EventInfo("A participant's role changed (owner only).")
    record RoleChanged(MeetingId meetingId, String userId, String role) implements ParticipantEvent {}
}
