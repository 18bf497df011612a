package io.convene.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portal's client, written from seed 002 §2.1 method by method (the Dart services {@code MeetingService},
 * {@code InstantCallService}, {@code PresenceService}, {@code ExternalParticipantService}). Each request is
 * the one the seed writes; where the seed names no path or body, docs/portal-contract.md's table says which.
 * Answers are read with the strict models of §2.3; a non-2xx answer throws {@link Rest.PortalError}.
 * {@code now} is the client's {@code DateTime.now()} (the tests move the server's clock).
 */
final class PortalClient {

    final MeetingService meetings = new MeetingService();
    final InstantCallService calls = new InstantCallService();
    final PresenceService presence = new PresenceService();
    final ExternalParticipantService external = new ExternalParticipantService();

    private final Rest rest;
    private final String myUserId;
    private final java.util.function.Supplier<Instant> now;

    private PortalClient(Rest rest, String myUserId, java.util.function.Supplier<Instant> now) {
        this.rest = rest;
        this.myUserId = myUserId;
        this.now = now;
    }

    /** A signed-in portal user. */
    static PortalClient user(HttpClient http, URI base, String token, String userId, java.util.function.Supplier<Instant> now,
                             java.util.function.Consumer<Rest.Answer> seen) {
        return new PortalClient(new Rest(http, base, token, null, seen), userId, now);
    }

    /** A browser without a portal account (an external guest), from its own client address. */
    static PortalClient guest(HttpClient http, URI base, String clientAddress, java.util.function.Supplier<Instant> now) {
        return new PortalClient(new Rest(http, base, null, clientAddress, answer -> { }), null, now);
    }

    /** The raw exchange, for what the services do not expose (headers, statuses). */
    Rest rest() {
        return rest;
    }

    /** {@code createMeeting}'s named parameters with the seed's defaults. */
    static final class NewMeeting {
        String title;
        String description;
        Instant startTime;
        Instant endTime;
        List<String> participantUserIds = List.of();
        Integer maxParticipants;
        boolean allowExternal = false;
        boolean voiceOnly = false;
        boolean muteOnJoin = false;
        boolean waitingRoomEnabled = false;
        // passed by InstantCallService.createInstantCall only
        Boolean isInstantCall;
        String sourceChannelId;
        String sourceUserId;

        NewMeeting(String title, Instant startTime, Instant endTime, List<String> participantUserIds) {
            this.title = title;
            this.startTime = startTime;
            this.endTime = endTime;
            this.participantUserIds = participantUserIds;
        }

        NewMeeting description(String value) { description = value; return this; }
        NewMeeting maxParticipants(Integer value) { maxParticipants = value; return this; }
        NewMeeting allowExternal(boolean value) { allowExternal = value; return this; }
        NewMeeting voiceOnly(boolean value) { voiceOnly = value; return this; }
        NewMeeting muteOnJoin(boolean value) { muteOnJoin = value; return this; }
        NewMeeting waitingRoomEnabled(boolean value) { waitingRoomEnabled = value; return this; }

        Map<String, Object> toJson() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", title);
            body.put("description", description);
            body.put("startTime", DartDateTime.toIso8601Utc(startTime));
            body.put("endTime", DartDateTime.toIso8601Utc(endTime));
            body.put("participantUserIds", participantUserIds);
            body.put("maxParticipants", maxParticipants);
            body.put("allowExternal", allowExternal);
            body.put("voiceOnly", voiceOnly);
            body.put("muteOnJoin", muteOnJoin);
            body.put("waitingRoomEnabled", waitingRoomEnabled);
            if (isInstantCall != null) {
                body.put("isInstantCall", isInstantCall);
                body.put("sourceChannelId", sourceChannelId);
                body.put("sourceUserId", sourceUserId);
            }
            return body;
        }
    }

    /** {@code client/lib/services/meeting_service.dart}. */
    final class MeetingService {

        Meeting createMeeting(NewMeeting meeting) {
            return Meeting.fromJson(rest.call("POST", "/api/meetings", meeting.toJson()).json());
        }

        List<Meeting> getUpcomingMeetings() {
            return meetingList("/api/meetings/upcoming");
        }

        List<Meeting> getPastMeetings() {
            return meetingList("/api/meetings/past");
        }

        List<Meeting> getMyMeetings() {
            return meetingList("/api/meetings/my");
        }

        Meeting getMeetingDetails(String meetingId) {
            return Meeting.fromJson(rest.call("GET", "/api/meetings/" + meetingId, null).json());
        }

        void updateMeeting(String meetingId, Map<String, Object> updates) {
            rest.call("PATCH", "/api/meetings/" + meetingId, updates);
        }

        void cancelMeeting(String meetingId) {
            rest.call("DELETE", "/api/meetings/" + meetingId, null);
        }

        void inviteParticipants(String meetingId, List<String> userIds) {
            rest.call("POST", "/api/meetings/" + meetingId + "/participants", Map.of("userIds", userIds));
        }

        void removeParticipant(String meetingId, String userId) {
            rest.call("DELETE", "/api/meetings/" + meetingId + "/participants/" + userId, null);
        }

        void acceptMeetingInvite(String meetingId) {
            rest.call("PATCH", "/api/meetings/" + meetingId + "/participants/" + myUserId, Map.of("status", "accepted"));
        }

        void declineMeetingInvite(String meetingId) {
            rest.call("PATCH", "/api/meetings/" + meetingId + "/participants/" + myUserId, Map.of("status", "declined"));
        }

        void joinMeeting(String meetingId) {
            rest.call("POST", "/api/meetings/" + meetingId + "/join", null);
        }

        void dismissNotification(String meetingId, String notificationType) {
            rest.call("POST", "/api/meetings/" + meetingId + "/notifications/" + notificationType + "/dismiss", null);
        }

        void inviteDuringMeeting(String meetingId, List<String> userIds) {
            rest.call("POST", "/api/meetings/" + meetingId + "/invite-live", Map.of("userIds", userIds));
        }

        /** {@code Future<String>}: the invitation token. */
        String generateExternalLink(String meetingId) {
            JsonNode answer = rest.call("POST", "/api/meetings/" + meetingId + "/generate-link", null).json();
            return Wire.of("generateExternalLink", answer).string("invitationToken");
        }

        List<MeetingParticipant> getMeetingParticipants(String meetingId) {
            return Wire.listOf("getMeetingParticipants", rest.call("GET", "/api/meetings/" + meetingId + "/participants", null)
                    .json(), MeetingParticipant::fromJson);
        }

        void deleteMeeting(String meetingId) {
            rest.call("DELETE", "/api/meetings/" + meetingId, null);
        }

        private List<Meeting> meetingList(String path) {
            return Wire.listOf(path, rest.call("GET", path, null).json(), Meeting::fromJson);
        }
    }

    /** {@code client/lib/services/instant_call_service.dart}: a thin wrapper of {@link MeetingService}. */
    final class InstantCallService {

        /** Exactly as the seed writes it. */
        Meeting createInstantCall(String sourceId, List<String> participantIds) {
            Instant start = now.get();
            NewMeeting call = new NewMeeting("Call", start, start.plus(Duration.ofHours(4)), participantIds);
            call.isInstantCall = true;
            call.sourceChannelId = sourceId.contains("channel") ? sourceId : null;
            call.sourceUserId = participantIds.size() == 1 ? participantIds.get(0) : null;
            return meetings.createMeeting(call);
        }

        void acceptCall(String meetingId) {
            rest.call("POST", "/api/calls/accept", Map.of("meetingId", meetingId));
            meetings.joinMeeting(meetingId);
        }

        void declineCall(String meetingId) {
            rest.call("POST", "/api/calls/decline", Map.of("meetingId", meetingId));
        }

        void endCall(String meetingId) {
            meetings.deleteMeeting(meetingId);
        }

        List<MeetingParticipant> getWaitingParticipants(String meetingId) {
            return meetings.getMeetingParticipants(meetingId);
        }

        void inviteDuringCall(String meetingId, List<String> userIds) {
            meetings.inviteDuringMeeting(meetingId, userIds);
        }

        String generateExternalLink(String meetingId) {
            return meetings.generateExternalLink(meetingId);
        }
    }

    /** {@code client/lib/services/presence_service.dart}. */
    final class PresenceService {

        void sendHeartbeat() {
            rest.call("POST", "/api/presence/heartbeat", Map.of());
        }

        Map<String, UserPresence> getStatusForUsers(List<String> userIds) {
            String ids = URLEncoder.encode(String.join(",", userIds), StandardCharsets.UTF_8);
            return presenceMap("/api/presence/users?userIds=" + ids);
        }

        Map<String, UserPresence> getStatusForChannel(String channelId) {
            return presenceMap("/api/presence/channel/" + channelId);
        }

        /** {@code Future<UserPresence?>}. */
        UserPresence getStatusForUser(String userId) {
            JsonNode answer = rest.call("GET", "/api/presence/conversation/" + userId, null).json();
            return answer == null || answer.isNull() ? null : UserPresence.fromJson(answer);
        }

        /** {@code Map<String, UserPresence>}: an object keyed by user id, each value a UserPresence of that user. */
        private Map<String, UserPresence> presenceMap(String path) {
            JsonNode answer = rest.call("GET", path, null).json();
            if (answer == null || !answer.isObject()) {
                throw new Wire.ContractViolation(path + ": expected a JSON object keyed by user id (Map<String, UserPresence>), got "
                        + Wire.describe(answer));
            }
            Map<String, UserPresence> map = new LinkedHashMap<>();
            answer.fields().forEachRemaining(entry -> {
                UserPresence presence = UserPresence.fromJson(entry.getValue());
                if (!presence.userId().equals(entry.getKey())) {
                    throw new Wire.ContractViolation(path + ": the entry " + entry.getKey() + " holds " + presence.userId());
                }
                map.put(entry.getKey(), presence);
            });
            return map;
        }
    }

    /** {@code client/lib/services/external_participant_service.dart}. */
    final class ExternalParticipantService {

        /** The keys a browser generates: an identity key, a signed pre-key and 100 pre-keys ({@code toJson()} of each). */
        record Keys(String identityKeyPublic, Map<String, Object> signedPreKey, List<Map<String, Object>> preKeys) {

            static Keys generate(String seed) {
                java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
                java.util.Random random = new java.util.Random(seed.hashCode());
                java.util.function.IntFunction<String> key = n -> {
                    byte[] bytes = new byte[n];
                    random.nextBytes(bytes);
                    return b64.encodeToString(bytes);
                };
                Map<String, Object> signed = new LinkedHashMap<>();
                signed.put("keyId", 1);
                signed.put("publicKey", key.apply(33));
                signed.put("signature", key.apply(64));
                List<Map<String, Object>> preKeys = new ArrayList<>();
                for (int id = 1; id <= 100; id++) {
                    Map<String, Object> preKey = new LinkedHashMap<>();
                    preKey.put("keyId", id);
                    preKey.put("publicKey", key.apply(33));
                    preKeys.add(preKey);
                }
                return new Keys(key.apply(33), signed, preKeys);
            }
        }

        /** What {@code joinAsExternal} read on its way, for the steps the seed's service does not cover. */
        record Joined(ExternalSession session, JsonNode landing, JsonNode registered, Keys keys) {}

        ExternalSession joinAsExternal(String invitationToken, String displayName, String email) {
            return join(invitationToken, displayName, email).session();
        }

        Joined join(String invitationToken, String displayName, String email) {
            // 1. validate the invitation
            JsonNode landing = rest.call("GET", "/api/meetings/external/join/" + invitationToken, null).json();
            Wire page = Wire.of("landing (validateResp.data)", landing);
            String meetingId = page.string("meetingId");
            page.string("title");
            // 2. no keys in SessionStorage: new ones
            Keys keys = Keys.generate(invitationToken + displayName);
            // 3. register
            JsonNode registered = rest.call("POST", "/api/meetings/external/register",
                    registration(invitationToken, displayName, email, keys)).json();
            Wire answer = Wire.of("register (registerResp.data)", registered);
            String sessionId = answer.string("sessionId");
            Instant expiresAt = answer.dateTime("expiresAt");
            // the browser's ApiService keeps what the server gave it to authenticate this guest
            if (registered.hasNonNull("credential")) {
                rest.bearer(registered.get("credential").asText());
            }
            return new Joined(new ExternalSession(sessionId, meetingId, displayName, email, expiresAt), landing, registered, keys);
        }

        /** Step 3 alone (the register request of {@code joinAsExternal}), whatever the answer. */
        Rest.Answer tryRegister(String invitationToken, String displayName, String email) {
            return rest.exchange("POST", "/api/meetings/external/register",
                    registration(invitationToken, displayName, email, Keys.generate(invitationToken + displayName)));
        }

        private Map<String, Object> registration(String invitationToken, String displayName, String email, Keys keys) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("invitationToken", invitationToken);
            body.put("displayName", displayName);
            body.put("email", email);
            body.put("identityKeyPublic", keys.identityKeyPublic());
            body.put("signedPreKey", keys.signedPreKey());
            body.put("preKeys", keys.preKeys());
            return body;
        }

        /** {@code Future<PreKeyBundle>}; the seed does not show PreKeyBundle, so the bundle is returned as read. */
        JsonNode getExternalPreKeys(String sessionId) {
            return rest.call("GET", "/api/meetings/external/keys/" + sessionId, null).json();
        }

        void endSession(String sessionId) {
            rest.call("DELETE", "/api/meetings/external/session/" + sessionId, null);
        }
    }
}
