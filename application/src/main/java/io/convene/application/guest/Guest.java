package io.convene.application.guest;

import io.convene.domain.guest.GuestSessionId;
import io.convene.domain.meeting.MeetingId;
import java.time.Instant;

/**
 * A caller holding a valid guest credential: one session in one meeting or call. Not an
 * {@link io.convene.application.shared.Actor}: no use case of portal users takes it.
 */
public record Guest(GuestSessionId sessionId, MeetingId meetingId, String displayName, Instant credentialExpiresAt) {
}
