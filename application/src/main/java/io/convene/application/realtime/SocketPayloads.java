package io.convene.application.realtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The payloads of the socket messages, as seed 002 §1.4 names their fields (the portal reads them
 * by these names); what the seed does not name is Convene's and said so in {@link SocketContract}.
 * Optional fields are written as {@code null}, never left out.
 */
public final class SocketPayloads {

    private SocketPayloads() {}

    // ---- meetings

    public record MeetingCreated(String meetingId, String title, Instant startTime, Instant endTime,
                                 String createdBy) {}

    public record MeetingUpdated(String meetingId, Map<String, Object> changes) {}

    public record MeetingCancelled(String meetingId, String reason, String cancelledBy) {}

    public record MeetingStarted(String meetingId) {}

    public record MeetingEnded(String meetingId, long duration, long participantCount) {}

    public record MeetingReminder(String meetingId, String title, Instant startTime, long minutesBefore) {}

    public record ParticipantJoined(String meetingId, String userId, String displayName) {}

    public record FirstParticipantJoined(String meetingId, String userId) {}

    public record ParticipantLeft(String meetingId, String userId, String displayName, String reason) {}

    public record LiveInviteSent(String meetingId, String userId, String displayName, String invitedBy) {}

    public record ParticipantMuted(String meetingId, String userId, String displayName, boolean muted, String by,
                                   String byName) {}

    public record InviteLinkGenerated(String meetingId, String generatedBy, Instant validFrom, Instant expiresAt) {}

    /** {@code status}: seed 002's participant values — invited, accepted, declined, attended. */
    public record ParticipantStatusChanged(String meetingId, String userId, String displayName, String status) {}

    public record ParticipantInvited(String meetingId, String userId, String displayName, String invitedBy,
                                     boolean live) {}

    /** The portal users in it now. */
    public record ParticipantCount(String meetingId, int count) {}

    public record AutoAdmitted(String meetingId, String userId) {}

    /** Seed 002 §1.4's plain {@code meeting:register-participant} as the server emits it. */
    public record ParticipantRegistered(String meetingId, String userId) {}

    public record ChatMessage(String meetingId, long messageId, String userId, String displayName, String body,
                              Instant sentAt) {}

    /** The answer to {@code meeting:check-participants}: the seed's prejoin reads {@code isFirst} and {@code count}. */
    public record ParticipantsInfo(String meetingId, boolean isFirst, int count) {}

    /** The answer to {@code meeting:check-status}. */
    public record MeetingInfo(String meetingId, String title, String status, Instant startTime, Instant endTime,
                              boolean isInstantCall, boolean allowExternal, int participantCount, boolean youAreIn) {}

    // ---- guests

    public record GuestWaiting(String meetingId, String sessionId, String displayName, String requestId) {}

    public record GuestAdmitted(String sessionId, String admittedBy) {}

    public record GuestDeclined(String sessionId, String declinedBy, String reason) {}

    public record AllServerUsersLeft(String meetingId, Instant removeAt, long graceSeconds, String message) {}

    public record GuestRemoved(String meetingId, String sessionId, String reason) {}

    public record GuestJoined(String meetingId, String sessionId, String displayName) {}

    public record GuestLeft(String meetingId, String sessionId, String displayName) {}

    // ---- calls

    public record CallIncoming(String meetingId, String callerId, String callerName, String callerAvatar,
                               Instant timestamp) {}

    public record CallRinging(String meetingId, String userId) {}

    public record CallAccepted(String meetingId, String userId, String displayName, String avatar) {}

    public record CallDeclined(String meetingId, String userId, String displayName, String reason) {}

    public record CallEnded(String meetingId, long duration, String endedBy, String reason) {}

    public record WaitingParticipant(String userId, String displayName, String avatar) {}

    public record CallParticipantWaiting(String meetingId, List<WaitingParticipant> participants) {}

    public record CallLiveInvite(String meetingId, String callerId, String callerName, String invitedBy) {}

    /** Seed 001's {@code ws.notifyThread(thread_id, {event: 'call.started', data: {call_id, room, call_type}})}: snake_case as written. */
    public record CallStarted(String call_id, String room, String call_type) {}

    // ---- presence

    public record PresenceUpdate(String userId, String status, Instant lastSeen, boolean inCall) {}

    public record UserConnected(String userId) {}

    public record UserDisconnected(String userId, Instant lastSeen) {}

    public record PresenceBulkUpdate(List<PresenceUpdate> users) {}

    // ---- the user's own

    /** A notification as {@code GET /api/notifications} lists it. */
    public record NotificationNew(String id, String type, String meetingId, String title, Object data,
                                  Instant createdAt, Instant expiresAt) {}

    public record NotificationDismissed(String notificationId, String reason) {}

    public record RecordingReady(String meetingId, String recordingId, int chunkCount, long sizeBytes, long durationMs,
                                 String format, Instant readyAt) {}

    public record SoftphoneCall(String callLogId, String direction, String number, String contactId,
                                String contactName, String status, String missedReason, Instant startedAt,
                                long durationSeconds) {}

    public record SoftphoneConfigChanged(String reason) {}

    public record AuthExpired(String reason, String message) {}

    public record WebhookDisabled(String webhookId, String url, String reason, Instant disabledAt) {}

    // ---- what the client sends

    public record MeetingRef(String meetingId) {}

    /** Seed 002's {@code InstantCallService.notifyParticipants}: ring these again (none = everyone who has not answered). */
    public record CallNotify(String meetingId, List<String> userIds) {}

    public record GuestAnswer(String meetingId, String sessionId) {}

    public record PresenceSubscription(List<String> userIds) {}

    public record Heartbeat() {}
}
