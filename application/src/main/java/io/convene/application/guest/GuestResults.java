package io.convene.application.guest;

import java.time.Instant;
import java.util.List;

/** What the guest use cases return. */
public final class GuestResults {

    private GuestResults() {}

    /** A new invitation link: the token appears here and nowhere else (only its hash is kept). */
    public record LinkView(String meetingId, String invitationToken, String joinPath, Instant validFrom,
                           Instant validUntil, boolean alwaysWhileInProgress) {}

    /**
     * The landing page: what a guest may know before asking (a count, never names: seed 002,
     * Additional Open Question 8) and whether "Ask for access" is enabled (someone inside).
     */
    public record LandingView(String meetingId, String title, Instant startTime, String hostName, boolean isInstantCall,
                              String status, long secondsUntilStart, int activeParticipants, String message,
                              boolean askForAccessEnabled, Instant validUntil) {}

    /** {@code GET /api/meetings/{id}/preview} for a guest with the token: the count only. */
    public record GuestPreview(String meetingId, String title, String status, Instant startTime, int activeCount) {}

    public record Registered(String sessionId, String meetingId, String credential, Instant credentialExpiresAt,
                             Instant sessionExpiresAt) {}

    public record SessionView(String sessionId, String meetingId, String displayName, String admission,
                              Instant credentialExpiresAt, Instant sessionExpiresAt) {}

    public record Credential(String sessionId, String credential, Instant credentialExpiresAt) {}

    public record KeyBundle(String sessionId, String identityKeyPublic, String signedPreKey, List<Object> preKeys) {}

    public record AskView(String sessionId, String requestId, String state, Instant requestedAt) {}

    public record AnswerView(String sessionId, String requestId, String state, String answeredBy) {}
}
