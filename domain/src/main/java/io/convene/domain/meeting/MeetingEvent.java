package io.convene.domain.meeting;

import io.convene.domain.event.DomainEvent;
import io.convene.domain.event.EventFamily;
import io.convene.domain.event.EventInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What happens to a scheduled meeting. {@code participantIds} names who is to hear of it where
 * the meeting may be gone by the time the event is routed (an end, a cancel, a delete).
 */
@EventFamily("meeting")
public sealed interface MeetingEvent extends DomainEvent {

    MeetingId meetingId();

    @Override
    default String subject() {
        return meetingId().value();
    }

    @EventInfo(value = "A meeting was scheduled; its invitees see it in their lists.", webhook = true)
    record Created(MeetingId meetingId, String title, Instant startTime, Instant endTime, String createdBy,
                   List<String> participantIds) implements MeetingEvent {}

    @EventInfo(value = "A meeting's details changed; changes names each changed field with its new value (as text).", webhook = true)
    record Updated(MeetingId meetingId, Map<String, Object> changes, String updatedBy) implements MeetingEvent {}

    @EventInfo(value = "A scheduled meeting was cancelled (kept as cancelled until its cleanup).", webhook = true)
    record Cancelled(MeetingId meetingId, String cancelledBy, List<String> participantIds) implements MeetingEvent {}

    @EventInfo(value = "A meeting was deleted for good by its owner or an org admin.", webhook = true)
    record Deleted(MeetingId meetingId, String deletedBy, List<String> participantIds) implements MeetingEvent {}

    @EventInfo(value = "A meeting is in progress: started early by a join or its host (startedBy), or at its start time.", webhook = true)
    record Started(MeetingId meetingId, String startedBy, Instant startedAt, List<String> participantIds)
            implements MeetingEvent {}

    @EventInfo("The last participant left before the scheduled end: the meeting stays joinable until then.")
    record Emptied(MeetingId meetingId, Instant at) implements MeetingEvent {}

    @EventInfo("Someone joined the emptied meeting again.")
    record Rejoined(MeetingId meetingId, String userId, Instant at) implements MeetingEvent {}

    @EventInfo(value = "A meeting ended: its duration and how many distinct users joined.", webhook = true)
    record Ended(MeetingId meetingId, long durationSeconds, long participantCount, String reason, String endedBy,
                 Instant endedAt, List<String> participantIds) implements MeetingEvent {}

    @EventInfo("A reminder of a meeting's start: 15_min_before (minutesBefore: the minutes left) or at_start (0), "
            + "to the invited participants who are not in it (userIds).")
    record Reminder(MeetingId meetingId, String reminderType, long minutesBefore, List<String> userIds)
            implements MeetingEvent {}

    @EventInfo("A meeting or call was cleaned up (deleted after its end or cancel); its call-log summary stays.")
    record CleanedUp(MeetingId meetingId, boolean isInstantCall) implements MeetingEvent {}

    @EventInfo("A chat message in a meeting or call, for its portal users (never guests).")
    record ChatMessage(MeetingId meetingId, long messageId, String userId, String displayName, String body,
                       Instant sentAt) implements MeetingEvent {}
}
