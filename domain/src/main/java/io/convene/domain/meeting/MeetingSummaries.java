package io.convene.domain.meeting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The call-log summary of a meeting (who, when, how long), written when it
 * ends or is cancelled and kept after the meeting is cleaned up. Written again
 * (replaced) if written twice, so a retried job is harmless.
 */
@Component
public class MeetingSummaries {

    private final JdbcClient jdbc;

    MeetingSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Summary(String meetingId, String title, boolean isInstantCall, String provider, String createdBy,
                          String status, Instant scheduledStart, Instant scheduledEnd, Instant startedAt,
                          Instant endedAt, long durationSeconds, int participantCount, int invitedCount,
                          String callType, String description, boolean allowExternal, Integer maxParticipants,
                          String channelId, String roomKey, String threadId) {}

    public void record(Meeting meeting, Instant now) {
        jdbc.sql("delete from meeting_summary where meeting_id = :id").param("id", meeting.id().value()).update();
        jdbc.sql("""
                insert into meeting_summary (meeting_id, title, is_instant_call, provider, created_by, status,
                    scheduled_start, scheduled_end, started_at, ended_at, duration_seconds, participant_count,
                    invited_count, recorded_at, call_type, description, allow_external, max_participants, channel_id,
                    room_key, thread_id)
                values (:id, :title, :call, :provider, :createdBy, :status, :start, :end, :startedAt, :endedAt,
                    :duration, :joined, :invited, :now, :callType, :description, :allowExternal, :maxParticipants,
                    :channelId, :roomKey, :threadId)""")
                .param("callType", meeting.callType())
                .param("description", meeting.description())
                .param("allowExternal", meeting.allowExternal())
                .param("maxParticipants", meeting.maxParticipants())
                .param("channelId", meeting.channelId())
                .param("roomKey", meeting.roomKey())
                .param("threadId", meeting.threadId())
                .param("id", meeting.id().value())
                .param("title", meeting.title())
                .param("call", meeting.isInstantCall())
                .param("provider", meeting.provider().name())
                .param("createdBy", meeting.createdBy())
                .param("status", meeting.status().name())
                .param("start", Timestamp.from(meeting.startTime()))
                .param("end", Timestamp.from(meeting.endTime()))
                .param("startedAt", ts(meeting.startedAt()))
                .param("endedAt", ts(meeting.endedAt()))
                .param("duration", meeting.duration().toSeconds())
                .param("joined", (int) meeting.distinctJoiners())
                .param("invited", meeting.participants().size())
                .param("now", Timestamp.from(now))
                .update();
        for (Participant p : meeting.attendees()) {
            jdbc.sql("""
                    insert into meeting_summary_participant (meeting_id, user_id, display_name, role, joined,
                        first_joined_at, last_left_at, attended_seconds, device_info, status)
                    values (:id, :user, :name, :role, :joined, :joinedAt, :leftAt, :seconds, :device, :status)""")
                    .param("device", p.deviceInfo())
                    .param("status", p.status().name())
                    .param("id", meeting.id().value()).param("user", p.userId()).param("name", p.displayName())
                    .param("role", p.role().name()).param("joined", p.everJoined())
                    .param("joinedAt", ts(p.firstJoinedAt())).param("leftAt", ts(p.leftAt()))
                    .param("seconds", p.attendedSeconds())
                    .update();
        }
    }

    /** {@code status}: the participant's {@link ParticipantStatus} when the summary was written (null before V15). */
    public record SummaryParticipant(String meetingId, String userId, String displayName, String role, boolean joined,
                                     Instant firstJoinedAt, Instant lastLeftAt, long attendedSeconds, String deviceInfo,
                                     String status) {}

    public java.util.Optional<Summary> find(String meetingId) {
        return jdbc.sql("select * from meeting_summary where meeting_id = :id").param("id", meetingId)
                .query(MeetingSummaries::summary).optional();
    }

    public List<SummaryParticipant> participants(String meetingId) {
        return participants(List.of(meetingId));
    }

    /** The participants of several summaries (one page of the Past list), in one query. */
    public List<SummaryParticipant> participants(java.util.Collection<String> meetingIds) {
        if (meetingIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from meeting_summary_participant where meeting_id in (:ids)
                order by meeting_id, role, display_name""")
                .param("ids", meetingIds)
                .query((rs, n) -> new SummaryParticipant(rs.getString("meeting_id"), rs.getString("user_id"),
                        rs.getString("display_name"), rs.getString("role"), rs.getBoolean("joined"),
                        instant(rs.getTimestamp("first_joined_at")), instant(rs.getTimestamp("last_left_at")),
                        rs.getLong("attended_seconds"), rs.getString("device_info"), rs.getString("status"))).list();
    }

    private static Summary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Integer maxParticipants = (Integer) rs.getObject("max_participants");
        return new Summary(rs.getString("meeting_id"), rs.getString("title"), rs.getBoolean("is_instant_call"),
                rs.getString("provider"), rs.getString("created_by"), rs.getString("status"),
                rs.getTimestamp("scheduled_start").toInstant(), rs.getTimestamp("scheduled_end").toInstant(),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("ended_at")),
                rs.getLong("duration_seconds"), rs.getInt("participant_count"), rs.getInt("invited_count"),
                rs.getString("call_type"), rs.getString("description"), rs.getBoolean("allow_external"),
                maxParticipants, rs.getString("channel_id"), rs.getString("room_key"), rs.getString("thread_id"));
    }

    public boolean exists(String meetingId) {
        return jdbc.sql("select count(*) from meeting_summary where meeting_id = :id").param("id", meetingId)
                .query(Long.class).single() > 0;
    }

    /** Deletes the summaries of what ended (or was cancelled) before {@code cutoff}: their retention is over. */
    public int deleteEndedBefore(Instant cutoff) {
        return jdbc.sql("delete from meeting_summary where coalesce(ended_at, recorded_at) < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }

    /** Meetings of a user (or of everyone: {@code userId == null}) that ended since {@code since}, newest first. */
    public List<Summary> past(String userId, String titleQuery, Instant since, int limit, int offset) {
        String sql = """
                select s.* from meeting_summary s
                %s
                where s.status = 'ENDED' and s.ended_at >= :since %s
                order by s.ended_at desc, s.meeting_id limit :limit offset :offset""".formatted(
                userId == null ? "" : "join meeting_summary_participant p on p.meeting_id = s.meeting_id and p.user_id = :user",
                titleQuery == null ? "" : "and lower(s.title) like :q");
        var statement = jdbc.sql(sql).param("limit", limit).param("offset", offset).param("since", Timestamp.from(since));
        if (userId != null) {
            statement = statement.param("user", userId);
        }
        if (titleQuery != null) {
            statement = statement.param("q", MeetingQueries.containing(titleQuery));
        }
        return statement.query(MeetingSummaries::summary).list();
    }

    /** How many rows {@link #past} has in all (the list's {@code X-Total-Count}). */
    public long countPast(String userId, String titleQuery, Instant since) {
        String sql = """
                select count(*) from meeting_summary s
                %s
                where s.status = 'ENDED' and s.ended_at >= :since %s""".formatted(
                userId == null ? "" : "join meeting_summary_participant p on p.meeting_id = s.meeting_id and p.user_id = :user",
                titleQuery == null ? "" : "and lower(s.title) like :q");
        var statement = jdbc.sql(sql).param("since", Timestamp.from(since));
        if (userId != null) {
            statement = statement.param("user", userId);
        }
        if (titleQuery != null) {
            statement = statement.param("q", MeetingQueries.containing(titleQuery));
        }
        return statement.query(Long.class).single();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
