package io.convene.domain.calllog;

import java.time.Instant;
import java.util.UUID;

/**
 * One call as one user had it: a softphone call ({@code source = softphone}: the remote number,
 * the SIP call id, the CRM contact it matched) or an instant call ({@code source = call}: the
 * call's id, the other party's name). {@code status} is {@code ringing} or {@code active} while it
 * lasts, then {@code answered | missed | declined | failed}.
 */
public record CallLogEntry(UUID id, String userId, String userName, String source, String direction,
                           String remoteNumber, String remoteName, String contactId, String contactName,
                           String sipCallId, String meetingId, String status, String missedReason,
                           Instant startedAt, Instant answeredAt, Instant endedAt, long durationSeconds) {

    public static final String SOFTPHONE = "softphone";
    public static final String CALL = "call";
    public static final String IN = "in";
    public static final String OUT = "out";
    public static final String RINGING = "ringing";
    public static final String ACTIVE = "active";
    public static final String ANSWERED = "answered";
    public static final String MISSED = "missed";
    public static final String DECLINED = "declined";
    public static final String FAILED = "failed";

    public boolean isOver() {
        return !RINGING.equals(status) && !ACTIVE.equals(status);
    }
}
