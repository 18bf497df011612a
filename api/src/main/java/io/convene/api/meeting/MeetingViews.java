package io.convene.api.meeting;

import io.convene.domain.conference.IceServer;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingRole;
import io.convene.domain.meeting.MeetingSummaries.Summary;
import io.convene.domain.meeting.Participant;
import java.time.Instant;
import java.util.List;

/** The response bodies of the meetings API. Enums are written lower case, as the portal expects. */
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
                       boolean isInstantCall, String createdBy, Instant createdAt, Instant startedAt, Instant endedAt,
                       List<ParticipantView> participants) {
        public static MeetingView of(Meeting m) {
            return new MeetingView(m.id(), m.title(), m.description(), m.startTime(), m.endTime(),
                    m.provider().name(), m.externalUrl(), m.recordingEnabled(), m.maxParticipants(),
                    m.allowExternal(), m.voiceOnly(), m.muteOnJoin(), lower(m.status()), m.isInstantCall(),
                    m.createdBy(), m.createdAt(), m.startedAt(), m.endedAt(),
                    m.participants().stream().map(ParticipantView::of).toList());
        }
    }

    /** One row of a list: the live and upcoming sections show meetings, the past section their summaries. */
    public record MeetingListItem(String meetingId, String title, Instant startTime, Instant endTime, String status,
                           String provider, boolean isInstantCall, String createdBy, Instant startedAt,
                           Instant endedAt, Long durationSeconds, int participantCount, int invitedCount) {
        static MeetingListItem of(Meeting m) {
            return new MeetingListItem(m.id(), m.title(), m.startTime(), m.endTime(), lower(m.status()),
                    m.provider().name(), m.isInstantCall(), m.createdBy(), m.startedAt(), m.endedAt(), null,
                    (int) m.distinctJoiners(), m.participants().size());
        }

        static MeetingListItem of(Summary s) {
            return new MeetingListItem(s.meetingId(), s.title(), s.scheduledStart(), s.scheduledEnd(),
                    s.status().toLowerCase(), s.provider(), s.isInstantCall(), s.createdBy(), s.startedAt(),
                    s.endedAt(), s.durationSeconds(), s.participantCount(), s.invitedCount());
        }
    }

    public record Page<T>(List<T> items, int page, int size) {}

    public record JitsiView(String domain, String room, String url, String token, Instant expiresAt) {}

    public record JoinView(String meetingId, String provider, String status, String roomKey, String externalUrl,
                    JitsiView jitsi, List<IceServer> iceServers, boolean startedMeeting) {}

    public record RoleView(String roleId, String roleName, List<String> permissions) {
        static RoleView of(MeetingRole role) {
            return new RoleView(lower(role), role.label(),
                    role.permissions().stream().map(p -> p.name().toLowerCase()).sorted().toList());
        }
    }

    public record BulkDeleteResult(int deleted, int failed, List<BulkDeleteError> errors) {}

    public record BulkDeleteError(String meetingId, String reason) {}

    public record PreviewParticipant(String userId, String displayName) {}

    public record Preview(String meetingId, String title, String status, Instant startTime, int activeCount,
                   List<PreviewParticipant> activeParticipants) {}

    public record ChatMessageView(long id, String userId, String displayName, String body, Instant sentAt) {}

    public static String lower(Enum<?> value) {
        return value.name().toLowerCase();
    }
}
