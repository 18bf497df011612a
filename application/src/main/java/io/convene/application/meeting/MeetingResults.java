package io.convene.application.meeting;

import io.convene.domain.conference.IceServer;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingSummaries.Summary;
import java.time.Instant;
import java.util.List;

/** What the meeting use cases return besides the {@link Meeting} itself. Enums are lower case, as the portal expects. */
public final class MeetingResults {

    private MeetingResults() {}

    /** One row of a list: the live and upcoming sections show meetings, the past section their summaries. */
    public record MeetingListItem(String meetingId, String title, Instant startTime, Instant endTime, String status,
                                  String provider, boolean isInstantCall, String createdBy, Instant startedAt,
                                  Instant endedAt, Long durationSeconds, int participantCount, int invitedCount) {
        static MeetingListItem of(Meeting m) {
            return new MeetingListItem(m.id().value(), m.title(), m.startTime(), m.endTime(), lower(m.status()),
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

    /** How to get into the meeting's room: by provider, one of externalUrl / jitsi / iceServers. */
    public record JoinView(MeetingId meetingId, String provider, String status, String roomKey, String externalUrl,
                           JitsiView jitsi, List<IceServer> iceServers, boolean startedMeeting) {}

    public record BulkDeleteResult(int deleted, int failed, List<BulkDeleteError> errors) {}

    public record BulkDeleteError(String meetingId, String reason) {}

    public record PreviewParticipant(String userId, String displayName) {}

    public record Preview(MeetingId meetingId, String title, String status, Instant startTime, int activeCount,
                          List<PreviewParticipant> activeParticipants) {}

    public record ChatMessageView(long id, String userId, String displayName, String body, Instant sentAt) {}

    public static String lower(Enum<?> value) {
        return value.name().toLowerCase();
    }
}
