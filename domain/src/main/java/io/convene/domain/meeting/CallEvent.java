package io.convene.domain.meeting;

import io.convene.domain.event.DomainEvent;
import io.convene.domain.event.EventFamily;
import io.convene.domain.event.EventInfo;
import java.time.Instant;
import java.util.List;

/** What happens to an instant call (a meeting with {@code isInstantCall}); {@code callId} is its id. */
@EventFamily("call")
public sealed interface CallEvent extends DomainEvent {

    @Override
    default String subject() {
        return callId().value();
    }

    MeetingId callId();

    /**
     * {@code roomName}: the call's room (seed 001's {@code room_name}); {@code threadMemberIds}: for a call in a
     * thread, whom seed 001's in-chat banner ({@code call.started}) reaches — the thread's members as the portal
     * named them when the call started, or, without a portal, the caller and the members the call named; empty
     * for a call outside a thread.
     */
    @EventInfo(value = "A call was placed: the caller is in it, the online callees are rung (participantIds: the "
            + "callees; threadMemberIds: the members of its thread, who see its banner).", webhook = true)
    record Started(MeetingId callId, String callerId, String callerName, String callType, List<String> participantIds,
                   String sourceChannelId, String threadId, String roomName, List<String> threadMemberIds)
            implements CallEvent {}

    @EventInfo("A callee's phone rings (until they answer or the ring times out).")
    record Ringing(MeetingId callId, String calleeId, String callerId) implements CallEvent {}

    @EventInfo(value = "A callee accepted the call.", webhook = true)
    record Accepted(MeetingId callId, String userId, String callerId) implements CallEvent {}

    @EventInfo(value = "A callee declined the call.", webhook = true)
    record Declined(MeetingId callId, String userId, String callerId) implements CallEvent {}

    @EventInfo(value = "A callee did not answer within the ring timeout, or was offline (reason: no_answer | offline).", webhook = true)
    record Missed(MeetingId callId, String calleeId, String callerId, String reason) implements CallEvent {}

    @EventInfo(value = "A call ended: the last one left, someone hung up (endedBy), nobody answered, or its maximum.", webhook = true)
    record Ended(MeetingId meetingId, long durationSeconds, long participantCount, String reason, String endedBy,
                 Instant endedAt, List<String> participantIds) implements CallEvent {
        @Override
        public MeetingId callId() {
            return meetingId;
        }
    }

    @EventInfo(value = "A call was deleted for good by its owner or an org admin.", webhook = true)
    record Deleted(MeetingId callId, String deletedBy, List<String> participantIds) implements CallEvent {}
}
