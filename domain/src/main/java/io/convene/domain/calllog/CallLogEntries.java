package io.convene.domain.calllog;

import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.Participant;
import io.convene.domain.meeting.ParticipantStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The call log (docs/softphone.md): softphone calls and instant calls, one row per call and
 * user. Lists and KPIs are one indexed query each, computed by the database.
 */
@Component
public class CallLogEntries {

    /** The KPI tiles: total, answered, missed, average duration of the answered calls. */
    public record Kpis(long total, long answered, long missed, long averageDurationSeconds) {}

    private final JdbcClient jdbc;

    CallLogEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the row unless the user has one with the same SIP call id; the row as stored either way. */
    public CallLogEntry addOnce(CallLogEntry e) {
        int added = jdbc.sql("""
                insert into call_log (id, user_id, user_name, source, direction, remote_number, remote_name, contact_id,
                    contact_name, sip_call_id, meeting_id, status, missed_reason, started_at, answered_at, ended_at,
                    duration_seconds)
                values (:id, :user, :name, :source, :direction, :number, :remoteName, :contactId, :contactName, :sip,
                    :meeting, :status, :reason, :started, :answered, :ended, :duration)
                on conflict (user_id, sip_call_id) do nothing""")
                .param("id", e.id()).param("user", e.userId()).param("name", e.userName()).param("source", e.source())
                .param("direction", e.direction()).param("number", e.remoteNumber()).param("remoteName", e.remoteName())
                .param("contactId", e.contactId()).param("contactName", e.contactName()).param("sip", e.sipCallId())
                .param("meeting", e.meetingId()).param("status", e.status()).param("reason", e.missedReason())
                .param("started", ts(e.startedAt())).param("answered", ts(e.answeredAt())).param("ended", ts(e.endedAt()))
                .param("duration", e.durationSeconds())
                .update();
        return added == 1 ? e : bySipCallId(e.userId(), e.sipCallId()).orElseThrow();
    }

    public Optional<CallLogEntry> find(UUID id) {
        return jdbc.sql("select * from call_log where id = :id").param("id", id).query(CallLogEntries::map).optional();
    }

    /** The row, locked until the transaction ends: an answer and the no-answer timer take turns. */
    public Optional<CallLogEntry> lock(UUID id) {
        return jdbc.sql("select * from call_log where id = :id for update").param("id", id).query(CallLogEntries::map).optional();
    }

    public Optional<CallLogEntry> bySipCallId(String userId, String sipCallId) {
        return jdbc.sql("select * from call_log where user_id = :user and sip_call_id = :sip")
                .param("user", userId).param("sip", sipCallId).query(CallLogEntries::map).optional();
    }

    public void answered(UUID id, Instant at) {
        jdbc.sql("update call_log set status = 'active', answered_at = :at where id = :id")
                .param("id", id).param("at", ts(at)).update();
    }

    /** The call is over: its final status, when, how long it was talked (0 unless answered). */
    public void ended(UUID id, String status, String missedReason, Instant endedAt, long durationSeconds) {
        jdbc.sql("""
                update call_log set status = :status, missed_reason = :reason, ended_at = :ended, duration_seconds = :duration
                where id = :id""")
                .param("id", id).param("status", status).param("reason", missedReason).param("ended", ts(endedAt))
                .param("duration", durationSeconds).update();
    }

    /** Marks the row's missed call as notified; true only the first time (a retried job notifies once). */
    public boolean markMissedNotified(UUID id, Instant at) {
        return jdbc.sql("update call_log set missed_notified_at = :at where id = :id and missed_notified_at is null")
                .param("id", id).param("at", ts(at)).update() == 1;
    }

    /**
     * An instant call that ended: one row per participant who was not removed before joining —
     * the caller's is {@code out}, everyone else's {@code in}; answered if they joined, declined if
     * they declined, else missed. Written again (replaced) if written twice.
     */
    public void recordInstantCall(Meeting call) {
        Instant started = call.startedAt() != null ? call.startedAt() : call.createdAt();
        for (Participant p : call.participants()) {
            if (p.status() == ParticipantStatus.REMOVED && !p.everJoined()) {
                continue;
            }
            boolean caller = p.userId().equals(call.createdBy());
            String status = p.everJoined() && (!caller || othersJoined(call)) ? CallLogEntry.ANSWERED
                    : p.hasDeclined() ? CallLogEntry.DECLINED
                    : caller && everyoneDeclined(call) ? CallLogEntry.DECLINED : CallLogEntry.MISSED;
            jdbc.sql("""
                    insert into call_log (id, user_id, user_name, source, direction, remote_name, meeting_id, status,
                        started_at, answered_at, ended_at, duration_seconds)
                    values (:id, :user, :name, 'call', :direction, :remote, :meeting, :status, :started, :answered, :ended,
                        :duration)
                    on conflict (meeting_id, user_id) do update set status = excluded.status, answered_at = excluded.answered_at,
                        ended_at = excluded.ended_at, duration_seconds = excluded.duration_seconds""")
                    .param("id", UUID.randomUUID()).param("user", p.userId()).param("name", p.displayName())
                    .param("direction", caller ? CallLogEntry.OUT : CallLogEntry.IN)
                    .param("remote", others(call, p.userId())).param("meeting", call.id().value())
                    .param("status", status).param("started", ts(started))
                    .param("answered", ts(CallLogEntry.ANSWERED.equals(status) ? p.firstJoinedAt() : null))
                    .param("ended", ts(call.endedAt()))
                    .param("duration", CallLogEntry.ANSWERED.equals(status) ? p.attendedSeconds() : 0L)
                    .update();
        }
    }

    private static boolean othersJoined(Meeting call) {
        return call.participants().stream().anyMatch(p -> p.everJoined() && !p.userId().equals(call.createdBy()));
    }

    private static boolean everyoneDeclined(Meeting call) {
        List<Participant> callees = call.participants().stream().filter(p -> !p.userId().equals(call.createdBy())).toList();
        return !callees.isEmpty() && callees.stream().allMatch(Participant::hasDeclined);
    }

    private static String others(Meeting call, String userId) {
        String names = call.participants().stream().filter(p -> !p.userId().equals(userId))
                .map(Participant::displayName).collect(Collectors.joining(", "));
        return names.length() > 200 ? names.substring(0, 197) + "..." : names;
    }

    /** A page of rows, newest first, strictly older than the cursor ({@code beforeStart}, {@code beforeId}) when given. */
    public List<CallLogEntry> page(CallLogFilter filter, Instant beforeStart, UUID beforeId, int limit) {
        List<String> where = new ArrayList<>();
        var params = new java.util.LinkedHashMap<String, Object>();
        conditions(filter, where, params);
        if (beforeStart != null) {
            where.add("(started_at, id) < (:beforeStart, :beforeId)");
            params.put("beforeStart", ts(beforeStart));
            params.put("beforeId", beforeId);
        }
        params.put("limit", limit);
        return jdbc.sql("select * from call_log" + clause(where) + " order by started_at desc, id desc limit :limit")
                .params(params).query(CallLogEntries::map).list();
    }

    /** The KPIs of the rows the filter selects, in one aggregate query. */
    public Kpis kpis(CallLogFilter filter) {
        List<String> where = new ArrayList<>();
        var params = new java.util.LinkedHashMap<String, Object>();
        conditions(filter, where, params);
        return jdbc.sql(kpiSql(where)).params(params)
                .query((rs, n) -> new Kpis(rs.getLong("total"), rs.getLong("answered"), rs.getLong("missed"),
                        Math.round(rs.getDouble("average"))))
                .single();
    }

    /** The KPI query with literal values, for EXPLAIN (tests and docs). */
    public static String kpiSql(List<String> where) {
        return """
                select count(*) as total, count(*) filter (where status = 'answered') as answered,
                    count(*) filter (where status = 'missed') as missed,
                    coalesce(avg(duration_seconds) filter (where status = 'answered'), 0) as average
                from call_log""" + clause(where);
    }

    private static void conditions(CallLogFilter filter, List<String> where, java.util.Map<String, Object> params) {
        if (filter.userId() != null) {
            where.add("user_id = :user");
            params.put("user", filter.userId());
        }
        if (filter.from() != null) {
            where.add("started_at >= :from");
            params.put("from", ts(filter.from()));
        }
        if (filter.to() != null) {
            where.add("started_at < :to");
            params.put("to", ts(filter.to()));
        }
        if (filter.direction() != null) {
            where.add("direction = :direction");
            params.put("direction", filter.direction());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.put("status", filter.status());
        }
    }

    private static String clause(List<String> where) {
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    /** Deletes up to {@code batch} rows of calls that started before {@code cutoff}; how many went. */
    public int deleteStartedBefore(Instant cutoff, int batch) {
        return jdbc.sql("""
                delete from call_log where id in (select id from call_log where started_at < :cutoff limit :batch)""")
                .param("cutoff", ts(cutoff)).param("batch", batch).update();
    }

    private static CallLogEntry map(ResultSet rs, int row) throws SQLException {
        return new CallLogEntry(rs.getObject("id", UUID.class), rs.getString("user_id"), rs.getString("user_name"),
                rs.getString("source"), rs.getString("direction"), rs.getString("remote_number"),
                rs.getString("remote_name"), rs.getString("contact_id"), rs.getString("contact_name"),
                rs.getString("sip_call_id"), rs.getString("meeting_id"), rs.getString("status"),
                rs.getString("missed_reason"), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("answered_at")), instant(rs.getTimestamp("ended_at")),
                rs.getLong("duration_seconds"));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
