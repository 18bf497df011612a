package io.convene.application.calllog;

import io.convene.domain.calllog.CallLogEntry;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of the call log as the portal shows it (seed 000's "/calls"): direction, number (or the
 * other party of an instant call), the user who handled it, status, duration, start time; the
 * CRM contact; {@code callId} for an instant call.
 */
public record CallLogView(UUID id, String source, String direction, String number, String remoteName, String contactId,
                          String contactName, String userId, String userName, String status, String missedReason,
                          long durationSeconds, Instant startedAt, Instant answeredAt, Instant endedAt,
                          String sipCallId, String callId) {

    static CallLogView of(CallLogEntry e) {
        return new CallLogView(e.id(), e.source(), e.direction(), e.remoteNumber(), e.remoteName(), e.contactId(),
                e.contactName(), e.userId(), e.userName(), e.status(), e.missedReason(), e.durationSeconds(),
                e.startedAt(), e.answeredAt(), e.endedAt(), e.sipCallId(), e.meetingId());
    }
}
