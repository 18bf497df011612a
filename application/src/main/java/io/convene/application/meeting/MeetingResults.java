package io.convene.application.meeting;

import io.convene.domain.conference.IceServer;
import io.convene.domain.conference.MediaPolicy;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.MeetingSummaries.Summary;
import io.convene.domain.meeting.MeetingSummaries.SummaryParticipant;
import io.convene.domain.meeting.Participant;
import io.convene.domain.meeting.ParticipantStatus;
import java.time.Instant;
import java.util.List;

/** What the meeting use cases return besides the {@link Meeting} itself. Enums are lower case, as the portal expects. */
public final class MeetingResults {

    private MeetingResults() {}

    /**
     * A participant as seed 002's {@code MeetingParticipant} reads it: {@code status} is the seed's
     * invited | accepted | declined | attended (attended: joined at least once); whether they are in
     * the meeting now is a field of its own ({@code inMeeting}), with Convene's attendance beside it.
     */
    public record ParticipantView(String userId, String displayName, String role, String status, boolean inMeeting,
                                  Instant invitedAt, Instant joinedAt, Instant firstJoinedAt, Instant leftAt,
                                  long attendedSeconds, boolean muted) {
        public static ParticipantView of(Participant p) {
            return new ParticipantView(p.userId(), p.displayName(), lower(p.role()), seedStatus(p.status()),
                    p.isPresent(), p.invitedAt(), p.joinedAt(), p.firstJoinedAt(), p.leftAt(), p.attendedSeconds(),
                    p.muted());
        }

        static ParticipantView of(SummaryParticipant p) {
            String status = p.joined() ? "attended"
                    : p.status() == null ? "invited" : seedStatus(ParticipantStatus.valueOf(p.status()));
            return new ParticipantView(p.userId(), p.displayName(), p.role().toLowerCase(), status, false, null,
                    p.firstJoinedAt(), p.firstJoinedAt(), p.lastLeftAt(), p.attendedSeconds(), false);
        }
    }

    /**
     * A meeting (or call) as seed 002's {@code Meeting} model reads it — every field it declares, with
     * its type, never null where the model's field is not nullable — and Convene's richer fields beside
     * them. List rows carry the viewer's own answer ({@code myStatus}) and, once over, the duration and
     * the number of distinct users who joined.
     */
    public record MeetingView(
            String meetingId, String channelId, String title, String description, String createdBy,
            Instant startTime, Instant endTime, boolean isRecurring, String recurrencePattern,
            Integer maxParticipants, boolean allowExternal, String externalJoinToken, String status,
            List<ParticipantView> participants, boolean isInstantCall,
            String provider, String externalUrl, boolean recordingEnabled, boolean voiceOnly, boolean muteOnJoin,
            boolean waitingRoomEnabled, Instant createdAt, Instant startedAt, Instant endedAt,
            Long durationSeconds, int participantCount, int invitedCount, String myStatus) {

        public static MeetingView of(Meeting m, String viewerId, String externalJoinToken) {
            List<ParticipantView> participants = m.participants().stream().map(ParticipantView::of).toList();
            return new MeetingView(m.id().value(), m.channelId(), m.title(), m.description(), m.createdBy(),
                    m.startTime(), m.endTime(), false, null, m.maxParticipants(), m.allowExternal(), externalJoinToken,
                    lower(m.status()), participants, m.isInstantCall(), m.provider().name(), m.externalUrl(),
                    m.recordingEnabled(), m.voiceOnly(), m.muteOnJoin(), m.waitingRoomEnabled(), m.createdAt(),
                    m.startedAt(), m.endedAt(),
                    m.status() == MeetingStatus.ENDED ? m.duration().toSeconds() : null,
                    (int) m.distinctJoiners(), participants.size(), mine(participants, viewerId));
        }

        public static MeetingView of(Meeting m) {
            return of(m, null, null);
        }

        /** A past meeting from its call-log summary (the meeting itself may be cleaned up already). */
        static MeetingView of(Summary s, List<SummaryParticipant> summaryParticipants, String viewerId) {
            List<ParticipantView> participants = summaryParticipants.stream().map(ParticipantView::of).toList();
            return new MeetingView(s.meetingId(), s.channelId(), s.title(), s.description(), s.createdBy(),
                    s.scheduledStart(), s.isInstantCall() && s.endedAt() != null ? s.endedAt() : s.scheduledEnd(),
                    false, null, s.maxParticipants(), s.allowExternal(), null, s.status().toLowerCase(), participants,
                    s.isInstantCall(), s.provider(), null, false, false, false, false, null, s.startedAt(),
                    s.endedAt(), s.durationSeconds(), s.participantCount(), s.invitedCount(),
                    mine(participants, viewerId));
        }

        private static String mine(List<ParticipantView> participants, String viewerId) {
            return viewerId == null ? null : participants.stream().filter(p -> p.userId().equals(viewerId))
                    .map(ParticipantView::status).findFirst().orElse(null);
        }
    }

    /** One of the caller's meetings at the same time as the one just scheduled (seed 002 §3.3: a warning, no block). */
    public record Overlap(String meetingId, String title, Instant startTime, Instant endTime) {}

    /** A meeting just scheduled or moved, and the caller's meetings it overlaps. */
    public record Scheduled(Meeting meeting, List<Overlap> overlaps) {}

    /** One page of a list, and how many rows the list has in all. */
    public record Page<T>(List<T> items, int page, int size, long total) {}

    public record JitsiView(String domain, String room, String url, String token, Instant expiresAt) {}

    /**
     * How to get into the meeting's room: by provider, one of externalUrl / jitsi / iceServers; and
     * {@code media}: how this participant enters (audio only, muted) and what they may switch on.
     */
    public record JoinView(MeetingId meetingId, String provider, String status, String roomKey, String externalUrl,
                           JitsiView jitsi, List<IceServer> iceServers, boolean startedMeeting, MediaPolicy media) {}

    public record BulkDeleteResult(int deleted, int failed, List<BulkDeleteError> errors) {}

    public record BulkDeleteError(String meetingId, String reason) {}

    public record PreviewParticipant(String userId, String displayName) {}

    public record Preview(MeetingId meetingId, String title, String status, Instant startTime, int activeCount,
                          List<PreviewParticipant> activeParticipants) {}

    public record ChatMessageView(long id, String userId, String displayName, String body, Instant sentAt) {}

    /**
     * The prejoin's question (seed 002's {@code meeting:check-participants}): how many portal users are in it
     * now ({@code count}, the asker included once joined) and whether the asker is the first, i.e. nobody
     * else is in it (then the prejoin makes the E2EE key instead of asking for it).
     */
    public record ParticipantsCheck(String meetingId, boolean isFirst, int count) {}

    /** The prejoin's status check ({@code meeting:check-status}): what the page shows before the join. */
    public record StatusCheck(String meetingId, String title, String status, Instant startTime, Instant endTime,
                              boolean isInstantCall, boolean allowExternal, int participantCount, boolean youAreIn) {}

    public static String lower(Enum<?> value) {
        return value.name().toLowerCase();
    }

    /** Seed 002's participant status: invited | accepted | declined | attended (joined at least once). */
    public static String seedStatus(ParticipantStatus status) {
        return switch (status) {
            case INVITED -> "invited";
            case ACCEPTED -> "accepted";
            case DECLINED -> "declined";
            case JOINED, LEFT, REMOVED -> "attended";
        };
    }
}
