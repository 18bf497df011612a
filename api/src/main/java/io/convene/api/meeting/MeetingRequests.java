package io.convene.api.meeting;

import io.convene.application.meeting.MeetingChanges.MeetingEdit;
import io.convene.application.meeting.MeetingChanges.NewMeeting;
import io.convene.application.meeting.MeetingChanges.SettingsEdit;
import io.convene.application.shared.InvalidInputException;
import io.convene.domain.meeting.Provider;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The request bodies of the meetings API (JSON, camelCase). */
final class MeetingRequests {

    private MeetingRequests() {}

    static final int MAX_PARTICIPANTS_LIMIT = 1000;

    /**
     * Seed 002's {@code createMeeting} as the portal sends it ({@code participantUserIds},
     * {@code waitingRoomEnabled}; with {@code isInstantCall: true} it starts a call, as
     * {@code InstantCallService.createInstantCall} does) and Convene's own fields beside it.
     */
    record CreateMeeting(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 5000) String description,
            @NotNull Instant startTime,
            Instant endTime,
            Integer durationMinutes,
            Provider provider,
            @Size(max = 2000) String externalUrl,
            Boolean recordingEnabled,
            @Size(max = 1000) List<@NotBlank String> participantIds,
            @Size(max = 1000) List<@NotBlank String> participantUserIds,
            @Positive @Max(MAX_PARTICIPANTS_LIMIT) Integer maxParticipants,
            Boolean allowExternal,
            Boolean voiceOnly,
            Boolean muteOnJoin,
            Boolean waitingRoomEnabled,
            Boolean isInstantCall,
            @Size(max = 100) String sourceChannelId,
            @Size(max = 64) String sourceUserId,
            CallType callType) {

        /** Who is invited: {@code participantUserIds} (the seed) and {@code participantIds} (Convene), together. */
        List<String> invitees() {
            return merge(participantIds, participantUserIds);
        }

        /** The field to name in an error about the invitees: the one the caller used. */
        String inviteesField() {
            return participantUserIds != null && participantIds == null ? "participantUserIds" : "participantIds";
        }

        boolean instantCall() {
            return Boolean.TRUE.equals(isInstantCall);
        }

        NewMeeting toNewMeeting() {
            return new NewMeeting(title, description, startTime, endTime, durationMinutes, provider, externalUrl,
                    recordingEnabled, invitees(), maxParticipants, allowExternal, voiceOnly, muteOnJoin,
                    waitingRoomEnabled, inviteesField());
        }
    }

    /** A call's type; video unless said otherwise (seed 002: "Video call only"). */
    enum CallType { audio, video }

    /** PATCH: only the fields given change. */
    record UpdateMeeting(
            @Size(min = 1, max = 200) String title,
            @Size(max = 5000) String description,
            Instant startTime,
            Instant endTime,
            Integer durationMinutes,
            @Size(max = 2000) String externalUrl,
            Boolean recordingEnabled,
            @Positive @Max(MAX_PARTICIPANTS_LIMIT) Integer maxParticipants,
            Boolean allowExternal,
            Boolean voiceOnly,
            Boolean muteOnJoin,
            Boolean waitingRoomEnabled) {
        MeetingEdit toEdit() {
            return new MeetingEdit(title, description, startTime, endTime, durationMinutes, externalUrl,
                    recordingEnabled, maxParticipants, allowExternal, voiceOnly, muteOnJoin, waitingRoomEnabled);
        }
    }

    record UpdateSettings(
            Boolean voiceOnly,
            Boolean muteOnJoin,
            Boolean allowExternal,
            Boolean recordingEnabled,
            @Positive @Max(MAX_PARTICIPANTS_LIMIT) Integer maxParticipants,
            Boolean waitingRoomEnabled) {
        SettingsEdit toEdit() {
            return new SettingsEdit(voiceOnly, muteOnJoin, allowExternal, recordingEnabled, maxParticipants,
                    waitingRoomEnabled);
        }
    }

    /** Whom to invite: {@code {userIds}} as the seed's client sends it, or Convene's {@code {participantIds}}. */
    record Invite(@Size(max = 200) List<@NotBlank String> participantIds,
                  @Size(max = 200) List<@NotBlank String> userIds) {
        /** The users named, in the order sent (errors name them by index); 400 naming the field when none. */
        List<String> invitees() {
            List<String> all = merge(participantIds, userIds);
            if (all == null || all.isEmpty()) {
                throw new InvalidInputException(userIds != null || participantIds == null ? "userIds" : "participantIds",
                        "must name at least one user");
            }
            return all;
        }
    }

    /** Both lists, as sent (one of them usually); null when neither is given. */
    static List<String> merge(List<String> first, List<String> second) {
        if (first == null || second == null) {
            return first != null ? first : second;
        }
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    enum Answer { ACCEPTED, DECLINED, accepted, declined }

    /** The invitee's answer: {@code {"status": "accepted" | "declined"}}. */
    record Respond(@NotNull Answer status) {
        boolean accepted() {
            return status == Answer.ACCEPTED || status == Answer.accepted;
        }
    }

    /** Assign a role: {@code roleId} as the seed's role rows name it ({@code meeting_manager}) or short ({@code manager}). */
    record AssignRole(@NotBlank String userId, @NotBlank String roleId) {}

    record BulkDelete(@NotEmpty @Size(max = 200) List<@NotBlank String> meetingIds) {}

    record PostChat(@NotBlank @Size(max = 4000) String body) {}
}
