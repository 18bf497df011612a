package io.convene.application.guest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** What the guest use cases return. */
public final class GuestResults {

    private GuestResults() {}

    /**
     * An invitation link, to those who may make links: when it is made and again in the invite
     * dialog. The token is in these answers only (never in events, logs or the outbox); at rest it
     * is a hash (to find it) and sealed (to show it again).
     */
    public record LinkView(String meetingId, String invitationToken, String joinPath, Instant validFrom,
                           Instant validUntil, boolean alwaysWhileInProgress, Instant createdAt, String createdBy) {}

    /**
     * The landing page: what a guest may know before asking (a count, never names: seed 002,
     * Additional Open Question 8) and whether "Ask for access" is enabled (someone inside). Before
     * the link's window a current link is still answered, {@code joinable: false}, so the page can
     * count down ({@code secondsUntilStart}) and enable its Join button at {@code validFrom}
     * ({@code secondsUntilJoinable}). {@code validFrom}/{@code validUntil} are null while in progress
     * (valid as long as it lasts).
     */
    public record LandingView(String meetingId, String title, Instant startTime, String hostName, boolean isInstantCall,
                              String status, long secondsUntilStart, int activeParticipants, String message,
                              boolean askForAccessEnabled, Instant validFrom, Instant validUntil, boolean joinable,
                              long secondsUntilJoinable) {}

    /** {@code GET /api/meetings/{id}/preview} for a guest with the token: the count only. */
    public record GuestPreview(String meetingId, String title, String status, Instant startTime, int activeCount) {}

    /** {@code expiresAt} (seed 002's client reads it) is the session's end, as {@code sessionExpiresAt}. */
    public record Registered(String sessionId, String meetingId, String credential, Instant credentialExpiresAt,
                             Instant sessionExpiresAt, Instant expiresAt) {}

    public record SessionView(String sessionId, String meetingId, String displayName, String admission,
                              Instant credentialExpiresAt, Instant sessionExpiresAt) {}

    public record Credential(String sessionId, String credential, Instant credentialExpiresAt) {}

    /** The pre-key bundle as the guest sent it: {@code signedPreKey} an object or a string, {@code preKeys} a list. */
    public record KeyBundle(String sessionId, String identityKeyPublic, JsonNode signedPreKey, JsonNode preKeys) {}

    /**
     * A guest as the meeting's participants panel shows it (seed 002 §4.2: the "Guest" badge).
     * {@code admission}: none (registered, has not asked) | pending | admitted | declined;
     * {@code inMeeting}: admitted and entered the room. {@code email} only for owners, managers and
     * org admins (null for the others).
     */
    public record GuestView(String sessionId, String meetingId, String displayName, String email, String admission,
                            String admittedBy, boolean inMeeting, Instant joinedAt, Instant registeredAt,
                            Instant expiresAt, boolean isGuest, String badge) {}

    public record AskView(String sessionId, String requestId, String state, Instant requestedAt) {}

    public record AnswerView(String sessionId, String requestId, String state, String answeredBy) {}
}
