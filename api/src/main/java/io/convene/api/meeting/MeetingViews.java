package io.convene.api.meeting;

import static io.convene.application.meeting.MeetingResults.lower;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.convene.application.meeting.MeetingResults.MeetingView;
import io.convene.application.meeting.MeetingResults.Overlap;
import io.convene.application.meeting.MeetingResults.Scheduled;
import io.convene.domain.meeting.MeetingPermission;
import io.convene.domain.meeting.MeetingRole;
import java.util.List;

/** The meetings API's own shapes around seed 002's Meeting object ({@link MeetingView}). */
public final class MeetingViews {

    private MeetingViews() {}

    /**
     * A meeting just scheduled or moved: the Meeting object, and {@code overlaps}: the caller's
     * meetings at the same time (seed 002 §3.3: "no validation, show warning only").
     */
    public record ScheduledView(@JsonUnwrapped MeetingView meeting, List<Overlap> overlaps) {
        static ScheduledView of(Scheduled scheduled, String viewerId) {
            return new ScheduledView(MeetingView.of(scheduled.meeting(), viewerId, null), scheduled.overlaps());
        }
    }

    /**
     * A row of seed 002's {@code meeting_roles} table as the portal's role dialog reads it
     * ({@code role_id} {@code meeting_owner}…, the {@code can_*} flags), and Convene's short names.
     */
    public record RoleView(
            @JsonProperty("role_id") String seedRoleId, @JsonProperty("role_name") String seedRoleName,
            @JsonProperty("is_default") boolean isDefault,
            @JsonProperty("can_start_meeting") boolean canStartMeeting,
            @JsonProperty("can_invite_participants") boolean canInviteParticipants,
            @JsonProperty("can_remove_participants") boolean canRemoveParticipants,
            @JsonProperty("can_mute_participants") boolean canMuteParticipants,
            @JsonProperty("can_end_meeting") boolean canEndMeeting,
            @JsonProperty("can_share_screen") boolean canShareScreen,
            @JsonProperty("can_enable_camera") boolean canEnableCamera,
            @JsonProperty("can_enable_microphone") boolean canEnableMicrophone,
            String roleId, String roleName, List<String> permissions) {
        static RoleView of(MeetingRole role) {
            return new RoleView("meeting_" + lower(role), role.label(), true,
                    role.allows(MeetingPermission.START_EARLY), role.allows(MeetingPermission.INVITE),
                    role.allows(MeetingPermission.REMOVE), role.allows(MeetingPermission.MUTE),
                    role.allows(MeetingPermission.END), role.allows(MeetingPermission.SHARE_SCREEN),
                    role.allows(MeetingPermission.ENABLE_CAMERA), role.allows(MeetingPermission.ENABLE_MICROPHONE),
                    lower(role), role.label(),
                    role.permissions().stream().map(p -> p.name().toLowerCase()).sorted().toList());
        }
    }
}
