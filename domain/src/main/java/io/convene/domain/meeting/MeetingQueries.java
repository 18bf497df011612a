package io.convene.domain.meeting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The list queries of the meetings page. Each is backed by an index
 * ({@code meeting_status_start}, {@code meeting_participant_user}, the trigram
 * index {@code meeting_title_trgm} for title search); the EXPLAIN tests in app/ keep it so.
 */
@Component
public class MeetingQueries {

    private final JdbcClient jdbc;

    MeetingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Ids of meetings in {@code statuses}, ordered by start time; only those
     * {@code userId} is part of unless {@code userId} is null (the org view).
     */
    public List<String> ids(List<MeetingStatus> statuses, String userId, String titleQuery, Instant startsBefore,
                            Instant endsAfter, int limit, int offset) {
        return filtered("select m.id", statuses, userId, titleQuery, startsBefore, endsAfter,
                "order by m.start_time, m.id limit :limit offset :offset")
                .param("limit", limit).param("offset", offset)
                .query(String.class).list();
    }

    /** How many meetings {@link #ids} finds in all (the list's {@code X-Total-Count}). */
    public long count(List<MeetingStatus> statuses, String userId, String titleQuery, Instant startsBefore,
                      Instant endsAfter) {
        return filtered("select count(*)", statuses, userId, titleQuery, startsBefore, endsAfter, "")
                .query(Long.class).single();
    }

    private JdbcClient.StatementSpec filtered(String select, List<MeetingStatus> statuses, String userId,
                                              String titleQuery, Instant startsBefore, Instant endsAfter,
                                              String tail) {
        String sql = """
                %s from meeting m
                %s
                where m.status in (:statuses) %s %s %s
                %s""".formatted(select,
                userId == null ? "" : "join meeting_participant p on p.meeting_id = m.id and p.user_id = :user",
                titleQuery == null ? "" : "and lower(m.title) like :q",
                startsBefore == null ? "" : "and m.start_time < :before",
                endsAfter == null ? "" : "and m.end_time > :after", tail);
        var statement = jdbc.sql(sql).param("statuses", statuses.stream().map(Enum::name).toList());
        if (userId != null) {
            statement = statement.param("user", userId);
        }
        if (titleQuery != null) {
            statement = statement.param("q", containing(titleQuery));
        }
        if (startsBefore != null) {
            statement = statement.param("before", Timestamp.from(startsBefore));
        }
        if (endsAfter != null) {
            statement = statement.param("after", Timestamp.from(endsAfter));
        }
        return statement;
    }

    /**
     * The caller's other meetings that overlap {@code [start, end)}: scheduled or in progress, not
     * declined by them, calls left out (seed 002 §3.3: a warning, not a block).
     */
    public List<String> overlapping(String userId, Instant start, Instant end, String exceptId, int limit) {
        return jdbc.sql("""
                select m.id from meeting m
                join meeting_participant p on p.meeting_id = m.id and p.user_id = :user
                where m.status in ('SCHEDULED', 'IN_PROGRESS') and not m.is_instant_call
                  and p.status not in ('DECLINED', 'REMOVED')
                  and m.start_time < :end and m.end_time > :start and m.id <> :except
                order by m.start_time, m.id limit :limit""")
                .param("user", userId).param("start", Timestamp.from(start)).param("end", Timestamp.from(end))
                .param("except", exceptId == null ? "" : exceptId).param("limit", limit)
                .query(String.class).list();
    }

    /**
     * A {@code like} pattern (PostgreSQL's default escape character, backslash) that finds titles
     * containing {@code text} literally: {@code %} and {@code _} in it are not wildcards.
     */
    public static String containing(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** Meetings past their end + {@code age} (the fallback sweep's candidates). */
    public List<String> endedBefore(Instant cutoff, int limit, int offset) {
        // a meeting in progress is left to its process; a call has no schedule (its end_time is its
        // maximum while it runs), so a call that started that long ago has lost its process and is swept too
        return jdbc.sql("""
                select id from meeting
                where (end_time < :cutoff and status <> 'IN_PROGRESS' and not is_instant_call)
                   or (is_instant_call and start_time < :cutoff)
                order by end_time, id limit :limit offset :offset""")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit).param("offset", offset)
                .query(String.class).list();
    }
}
