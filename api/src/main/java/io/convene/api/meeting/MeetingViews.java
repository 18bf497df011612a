package io.convene.api.meeting;

import static io.convene.application.meeting.MeetingResults.lower;

import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingRole;
import io.convene.domain.meeting.Participant;
import java.time.Instant;
import java.util.List;

/** A meeting as the API shows it. Enums are written lower case, as the portal expects. */
public final class MeetingViews {

    private MeetingViews() {}

    public record ParticipantView(String userId, String displayName, String role, String status, Instant invitedAt,
                                  Instant joinedAt, Instant leftAt, long attendedSeconds) {
        public static ParticipantView of(Participant p) {
            return new ParticipantView(p.userId(), p.displayName(), lower(p.role()), lower(p.status()), p.invitedAt(),
                    p.joinedAt(), p.leftAt(), p.attendedSeconds());
        }
    }

    public record MeetingView(String meetingId, String title, String description, Instant startTime, Instant endTime,
                              String provider, String externalUrl, boolean recordingEnabled, Integer maxParticipants,
                              boolean allowExternal, boolean voiceOnly, boolean muteOnJoin, String status,
                              boolean isInstantCall, String createdBy, Instant createdAt, Instant startedAt,
                              Instant endedAt, List<ParticipantView> participants) {
        public static MeetingView of(Meeting m) {
            return new MeetingView(m.id().value(), m.title(), m.description(), m.startTime(), m.endTime(),
                    m.provider().name(), m.externalUrl(), m.recordingEnabled(), m.maxParticipants(),
                    m.allowExternal(), m.voiceOnly(), m.muteOnJoin(), lower(m.status()), m.isInstantCall(),
                    m.createdBy(), m.createdAt(), m.startedAt(), m.endedAt(),
                    m.participants().stream().map(ParticipantView::of).toList());
        }
    }

    public record RoleView(String roleId, String roleName, List<String> permissions) {
        static RoleView of(MeetingRole role) {
            return new RoleView(lower(role), role.label(),
                    role.permissions().stream().map(p -> p.name().toLowerCase()).sorted().toList());
        }
    }
}
