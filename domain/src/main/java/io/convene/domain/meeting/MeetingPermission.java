package io.convene.domain.meeting;

/** The flags of seed 002's {@code meeting_roles}, plus the rights scenario 6 gives by role. */
public enum MeetingPermission {
    /** can_start_meeting: start before the scheduled time. */
    START_EARLY,
    /** can_invite_participants: invite, invite live, generate guest links. */
    INVITE,
    /** can_remove_participants. */
    REMOVE,
    /** can_mute_participants. */
    MUTE,
    /** can_end_meeting; also cancel. */
    END,
    SHARE_SCREEN,
    ENABLE_CAMERA,
    ENABLE_MICROPHONE,
    /** Edit title, times, settings (scenario 6: owner and manager). */
    EDIT,
    /** Assign roles (scenario 6: owner only). */
    ASSIGN_ROLES,
    /** Delete (owner only). */
    DELETE
}
