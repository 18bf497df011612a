package io.convene.domain.guest;

import io.convene.domain.meeting.MeetingId;
import java.time.Instant;
import java.util.UUID;

/** One "Ask for access": pending until the first answer (admitted, declined) or its expiry. */
public record AdmissionRequest(UUID id, GuestSessionId sessionId, MeetingId meetingId, Instant requestedAt,
                               State state, String answeredBy, Instant answeredAt) {

    public enum State { PENDING, ADMITTED, DECLINED, EXPIRED }

    public boolean isPending() {
        return state == State.PENDING;
    }
}
