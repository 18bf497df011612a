package io.convene.api.meeting;

import io.convene.application.meeting.MeetingChanges.MeetingEdit;
import io.convene.application.meeting.MeetingChanges.NewMeeting;
import io.convene.application.meeting.MeetingChanges.SettingsEdit;
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

    record CreateMeeting(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 5000) String description,
            @NotNull Instant startTime,
            Instant endTime,
            Integer durationMinutes,
            Provider provider,
            @Size(max = 2000) String externalUrl,
            Boolean recordingEnabled,
            List<@NotBlank String> participantIds,
            @Positive @Max(MAX_PARTICIPANTS_LIMIT) Integer maxParticipants,
            Boolean allowExternal,
            Boolean voiceOnly,
            Boolean muteOnJoin) {
        NewMeeting toNewMeeting() {
            return new NewMeeting(title, description, startTime, endTime, durationMinutes, provider, externalUrl,
                    recordingEnabled, participantIds, maxParticipants, allowExternal, voiceOnly, muteOnJoin);
        }
    }

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
            Boolean muteOnJoin) {
        MeetingEdit toEdit() {
            return new MeetingEdit(title, description, startTime, endTime, durationMinutes, externalUrl,
                    recordingEnabled, maxParticipants, allowExternal, voiceOnly, muteOnJoin);
        }
    }

    record UpdateSettings(
            Boolean voiceOnly,
            Boolean muteOnJoin,
            Boolean allowExternal,
            Boolean recordingEnabled,
            @Positive @Max(MAX_PARTICIPANTS_LIMIT) Integer maxParticipants) {
        SettingsEdit toEdit() {
            return new SettingsEdit(voiceOnly, muteOnJoin, allowExternal, recordingEnabled, maxParticipants);
        }
    }

    record Invite(@NotEmpty @Size(max = 200) List<@NotBlank String> participantIds) {}

    enum Answer { ACCEPTED, DECLINED, accepted, declined }

    /** The invitee's answer: {@code {"status": "accepted" | "declined"}}. */
    record Respond(@NotNull Answer status) {
        boolean accepted() {
            return status == Answer.ACCEPTED || status == Answer.accepted;
        }
    }

    record AssignRole(@NotBlank String userId, @NotBlank String roleId) {}

    record BulkDelete(@NotEmpty @Size(max = 200) List<@NotBlank String> meetingIds) {}

    record PostChat(@NotBlank @Size(max = 4000) String body) {}
}
