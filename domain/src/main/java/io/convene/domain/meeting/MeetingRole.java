package io.convene.domain.meeting;

import static io.convene.domain.meeting.MeetingPermission.EDIT;
import static io.convene.domain.meeting.MeetingPermission.ENABLE_CAMERA;
import static io.convene.domain.meeting.MeetingPermission.ENABLE_MICROPHONE;
import static io.convene.domain.meeting.MeetingPermission.INVITE;
import static io.convene.domain.meeting.MeetingPermission.MUTE;
import static io.convene.domain.meeting.MeetingPermission.SHARE_SCREEN;
import static io.convene.domain.meeting.MeetingPermission.START_EARLY;

import java.util.EnumSet;
import java.util.Set;

/** The permission matrix of seed 002 ({@code meeting_roles}, scenario 6): assign roles, delete, remove and end are the owner's alone. */
public enum MeetingRole {
    OWNER("Owner", EnumSet.allOf(MeetingPermission.class)),
    MANAGER("Manager", EnumSet.of(START_EARLY, INVITE, MUTE, SHARE_SCREEN, ENABLE_CAMERA, ENABLE_MICROPHONE, EDIT)),
    MEMBER("Member", EnumSet.of(SHARE_SCREEN, ENABLE_CAMERA, ENABLE_MICROPHONE));

    private final String label;
    private final Set<MeetingPermission> permissions;

    MeetingRole(String label, Set<MeetingPermission> permissions) {
        this.label = label;
        this.permissions = Set.copyOf(permissions);
    }

    public boolean allows(MeetingPermission permission) {
        return permissions.contains(permission);
    }

    public String label() {
        return label;
    }

    public Set<MeetingPermission> permissions() {
        return permissions;
    }
}
