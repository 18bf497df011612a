package io.convene.domain.guest;

import io.convene.domain.meeting.MeetingId;
import java.time.Instant;

/**
 * A guest's session in one meeting or call: who they say they are, their public key material
 * (the pre-key bundle others fetch), where their admission stands. It lives until
 * {@code expiresAt} (the model's session maximum) or until it is ended (the guest left, was
 * removed, the meeting ended). {@code signedPreKey} and {@code preKeysJson} are JSON text, the
 * values as the guest sent them (an object or a string; a list of them).
 */
public record GuestSession(GuestSessionId id, MeetingId meetingId, String displayName, String email,
                           String identityKeyPublic, String signedPreKey, String preKeysJson, Admission admission,
                           String admittedBy, int declines, Instant joinedAt, Instant credentialExpiresAt,
                           Instant createdAt, Instant expiresAt, Instant endedAt, String endReason) {

    public boolean isActive(Instant now) {
        return endedAt == null && expiresAt.isAfter(now);
    }

    public boolean isAdmitted() {
        return admission == Admission.ADMITTED;
    }
}
