package io.convene.domain.presence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Presence in PostgreSQL, so every app instance sees the same: per user the last heartbeat,
 * last seen, the grace after the last disconnect and what was last announced (status, in
 * call); per instance its lease; per open socket a connection row. Never the BPMN engine.
 */
@Component
public class Presences {

    /** Connections count while their instance's lease runs — or, for this instance, always. */
    private static final String CONNECTED = """
            exists (select 1 from presence_connection c join presence_instance i on i.instance_id = c.instance_id
                    where c.user_id = p.user_id and (i.lease_until > :now or i.instance_id = :me))""";

    private final JdbcClient jdbc;

    Presences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What is stored for {@code userIds} (those with a row), read at {@code now} by instance {@code me}. */
    public Map<String, PresenceRow> of(Collection<String> userIds, String me, Instant now) {
        Map<String, PresenceRow> rows = new HashMap<>();
        if (userIds.isEmpty()) {
            return rows;
        }
        jdbc.sql("select p.*, " + CONNECTED + " as connected from presence p where p.user_id in (:ids)")
                .param("ids", userIds).param("me", me).param("now", Timestamp.from(now))
                .query((rs, n) -> rows.put(rs.getString("user_id"), row(rs))).list();
        return rows;
    }

    /** Locks one user's row (creating it, seen {@code now}, if missing) and reads it. */
    public PresenceRow lock(String userId, String me, Instant now) {
        jdbc.sql("insert into presence (user_id, last_seen) values (:user, :now) on conflict (user_id) do nothing")
                .param("user", userId).param("now", Timestamp.from(now)).update();
        return jdbc.sql("select p.*, " + CONNECTED + " as connected from presence p where p.user_id = :user for update")
                .param("user", userId).param("me", me).param("now", Timestamp.from(now))
                .query((rs, n) -> row(rs)).single();
    }

    /** Those of {@code userIds} who are in a meeting or call now (joined, not left). */
    public Set<String> inCall(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select distinct user_id from meeting_participant where user_id in (:ids) and status = 'JOINED'""")
                .param("ids", userIds).query(String.class).list());
    }

    // --- heartbeats ---------------------------------------------------------------------------

    /**
     * Writes a batch of heartbeats (one multi-row upsert) and marks them announced online;
     * returns those that were not announced online before (their rows locked in id order, so
     * two instances flushing at once never deadlock).
     */
    public List<PresenceRow> heartbeats(String[] userIds, long[] epochMillis) {
        // a new user's row is created (offline) first, so that the lock below also covers it: two
        // flushes of a new user at once (the scheduler and a full buffer, or two instances) would
        // otherwise both see "not online" and both announce it
        jdbc.sql("""
                insert into presence (user_id, last_seen)
                select u, to_timestamp(m / 1000.0)
                from unnest(cast(:users as varchar[]), cast(:millis as bigint[])) as t(u, m)
                order by u
                on conflict (user_id) do nothing""").param("users", userIds).param("millis", epochMillis).update();
        Set<String> wasOnline = new HashSet<>(jdbc.sql("""
                select user_id from presence where user_id = any(cast(:users as varchar[])) and status = 'online'
                order by user_id for update""").param("users", userIds).query(String.class).list());
        return jdbc.sql("""
                insert into presence (user_id, last_seen, last_heartbeat, status)
                select u, to_timestamp(m / 1000.0), to_timestamp(m / 1000.0), 'online'
                from unnest(cast(:users as varchar[]), cast(:millis as bigint[])) as t(u, m)
                on conflict (user_id) do update set
                    last_heartbeat = greatest(presence.last_heartbeat, excluded.last_heartbeat),
                    last_seen = greatest(presence.last_seen, excluded.last_seen),
                    status = 'online'
                returning *, false as connected""").param("users", userIds).param("millis", epochMillis)
                .query((rs, n) -> row(rs)).list().stream().filter(row -> !wasOnline.contains(row.userId())).toList();
    }

    // --- connections --------------------------------------------------------------------------

    public void connect(String connectionId, String instanceId, String userId, Instant now) {
        jdbc.sql("""
                insert into presence_connection (connection_id, instance_id, user_id, connected_at)
                values (:c, :i, :u, :now) on conflict (connection_id) do nothing""")
                .param("c", connectionId).param("i", instanceId).param("u", userId).param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                update presence set last_seen = greatest(last_seen, :now), grace_until = null,
                    socketless_since = null, leave_due_at = null
                where user_id = :u""")
                .param("u", userId).param("now", Timestamp.from(now)).update();
    }

    /**
     * Forgets one connection; seen {@code now}; the grace starts if it was the user's last. False,
     * and nothing changed, when there was no such connection (another instance expired it).
     */
    public boolean disconnect(String connectionId, String userId, Instant now, Instant graceUntil) {
        int deleted = jdbc.sql("delete from presence_connection where connection_id = :c and user_id = :u")
                .param("c", connectionId).param("u", userId).update();
        if (deleted == 0) {
            return false;
        }
        jdbc.sql("""
                update presence set last_seen = greatest(last_seen, :now),
                    grace_until = case when exists (select 1 from presence_connection c where c.user_id = :u)
                                       then grace_until else :grace end,
                    socket_closed_at = case when exists (select 1 from presence_connection c where c.user_id = :u)
                                            then socket_closed_at else :now end
                where user_id = :u""")
                .param("u", userId).param("now", Timestamp.from(now)).param("grace", Timestamp.from(graceUntil))
                .update();
        return true;
    }

    // --- leaving by disconnect ----------------------------------------------------------------

    /**
     * After {@link #disconnect}, in its transaction: if that was the user's last socket, their sockets
     * count as closed since {@code now} and their leave check is due at {@code leaveDueAt}.
     */
    public void markIfLastSocketClosed(String userId, Instant now, Instant leaveDueAt) {
        jdbc.sql("""
                update presence set socketless_since = :now, leave_due_at = :due
                where user_id = :u and not exists (select 1 from presence_connection c where c.user_id = :u)""")
                .param("u", userId).param("now", Timestamp.from(now)).param("due", Timestamp.from(leaveDueAt))
                .update();
    }

    /**
     * Before {@link #expireInstances}, in its transaction: the users whose sockets are all on instances
     * (other than {@code me}) whose lease ran out count as without sockets from {@code now} (when that
     * was found out), their leave check due at {@code leaveDueAt}. Returns how many.
     */
    public int markUsersOfExpiredInstances(String me, Instant now, Instant leaveDueAt) {
        return jdbc.sql("""
                update presence p set socketless_since = :now, leave_due_at = :due
                where p.user_id in (select c.user_id from presence_connection c
                                    join presence_instance i on i.instance_id = c.instance_id
                                    where i.lease_until <= :now and i.instance_id <> :me)
                  and not exists (select 1 from presence_connection o join presence_instance oi on oi.instance_id = o.instance_id
                                  where o.user_id = p.user_id and (oi.lease_until > :now or oi.instance_id = :me))""")
                .param("me", me).param("now", Timestamp.from(now)).param("due", Timestamp.from(leaveDueAt)).update();
    }

    /**
     * Claims up to {@code limit} users whose leave check is due at {@code now} (skipping rows another
     * instance is handling): their mark is cleared, and they are returned in the order they were due.
     * Whether they still have no socket is for the leave itself to check ({@link #socketlessSince}).
     */
    public List<String> claimDueLeaves(Instant now, int limit) {
        return jdbc.sql("""
                with due as (
                    select user_id, leave_due_at from presence where leave_due_at <= :now
                    order by leave_due_at limit :limit for update skip locked),
                claimed as (
                    update presence p set leave_due_at = null from due where p.user_id = due.user_id
                    returning p.user_id)
                select due.user_id from due join claimed on claimed.user_id = due.user_id
                order by due.leave_due_at""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(String.class).list();
    }

    /**
     * Locks {@code userId}'s row and tells since when they have had no socket: empty while one is open
     * on a live instance (or on {@code me}); {@link Instant#EPOCH} when that moment is unknown (no row,
     * or none recorded).
     */
    public Optional<Instant> socketlessSince(String userId, String me, Instant now) {
        List<Map<String, Object>> rows = jdbc.sql("select p.socketless_since, " + CONNECTED
                        + " as connected from presence p where p.user_id = :user for update")
                .param("user", userId).param("me", me).param("now", Timestamp.from(now)).query().listOfRows();
        if (rows.isEmpty()) {
            boolean connected = jdbc.sql("""
                    select exists (select 1 from presence_connection c join presence_instance i on i.instance_id = c.instance_id
                                   where c.user_id = :user and (i.lease_until > :now or i.instance_id = :me))""")
                    .param("user", userId).param("me", me).param("now", Timestamp.from(now)).query(Boolean.class).single();
            return connected ? Optional.empty() : Optional.of(Instant.EPOCH);
        }
        Map<String, Object> row = rows.get(0);
        if (Boolean.TRUE.equals(row.get("connected"))) {
            return Optional.empty();
        }
        return Optional.of(row.get("socketless_since") instanceof Timestamp t ? t.toInstant() : Instant.EPOCH);
    }

    /** The meetings and calls {@code userId} is in now by a join their sockets track (at most {@code limit}). */
    public List<String> trackedParticipations(String userId, int limit) {
        return jdbc.sql("""
                select meeting_id from meeting_participant where user_id = :u and status = 'JOINED' and socket_tracked
                order by meeting_id limit :limit""").param("u", userId).param("limit", limit).query(String.class).list();
    }

    /** A participation tracked by a user's sockets. */
    public record TrackedParticipation(String meetingId, String userId) {}

    /**
     * The fallback's look: up to {@code limit} tracked participations of users who have had no live
     * socket since {@code closedBefore} or earlier (or since an unknown moment).
     */
    public List<TrackedParticipation> socketlessParticipations(String me, Instant now, Instant closedBefore, int limit) {
        return jdbc.sql("""
                select mp.meeting_id, mp.user_id from meeting_participant mp
                left join presence p on p.user_id = mp.user_id
                where mp.status = 'JOINED' and mp.socket_tracked
                  and (p.socketless_since is null or p.socketless_since <= :closed)
                  and not exists (select 1 from presence_connection c join presence_instance i on i.instance_id = c.instance_id
                                  where c.user_id = mp.user_id and (i.lease_until > :now or i.instance_id = :me))
                order by mp.user_id, mp.meeting_id limit :limit""")
                .param("me", me).param("now", Timestamp.from(now)).param("closed", Timestamp.from(closedBefore))
                .param("limit", limit)
                .query((rs, n) -> new TrackedParticipation(rs.getString("meeting_id"), rs.getString("user_id"))).list();
    }

    // --- announced state ----------------------------------------------------------------------

    public void announce(String userId, String status, boolean inCall) {
        jdbc.sql("update presence set status = :s, in_call = :c where user_id = :u")
                .param("s", status).param("c", inCall).param("u", userId).update();
    }

    /**
     * Locks (skipping rows another instance is handling) up to {@code limit} users announced
     * online who are not any more: no live connection, heartbeat older than {@code staleBefore},
     * grace over.
     */
    public List<PresenceRow> lockGoneOffline(String me, Instant now, Instant staleBefore, int limit) {
        return jdbc.sql("select p.*, false as connected from presence p where p.status = 'online'"
                        + " and (p.last_heartbeat is null or p.last_heartbeat <= :stale"
                        + "      or p.last_heartbeat <= p.socket_closed_at)"
                        + " and (p.grace_until is null or p.grace_until <= :now)"
                        + " and not " + CONNECTED + " limit :limit for update of p skip locked")
                .param("me", me).param("now", Timestamp.from(now)).param("stale", Timestamp.from(staleBefore))
                .param("limit", limit).query((rs, n) -> row(rs)).list();
    }

    /** Locks up to {@code limit} users announced in a call who have no joined participation left. */
    public List<PresenceRow> lockLeftCalls(int limit) {
        return jdbc.sql("""
                select p.*, false as connected from presence p where p.in_call
                and not exists (select 1 from meeting_participant mp where mp.user_id = p.user_id and mp.status = 'JOINED')
                limit :limit for update of p skip locked""").param("limit", limit).query((rs, n) -> row(rs)).list();
    }

    // --- instances ------------------------------------------------------------------------------

    public void renewInstance(String instanceId, Instant now, Instant leaseUntil) {
        jdbc.sql("""
                insert into presence_instance (instance_id, lease_until, renewed_at) values (:i, :until, :now)
                on conflict (instance_id) do update set lease_until = excluded.lease_until, renewed_at = excluded.renewed_at""")
                .param("i", instanceId).param("until", Timestamp.from(leaseUntil)).param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Deletes the instances (other than {@code me}) whose lease ran out and their connections;
     * their users were last seen, and their sockets closed, when their instance last renewed (the
     * heartbeats they sent over those sockets no longer count). Returns the instances deleted.
     */
    public int expireInstances(String me, Instant now) {
        return jdbc.sql("""
                with dead as (
                    delete from presence_instance where lease_until <= :now and instance_id <> :me
                    returning instance_id, renewed_at),
                gone as (
                    delete from presence_connection c using dead d where c.instance_id = d.instance_id
                    returning c.user_id, d.renewed_at),
                seen as (
                    update presence p set last_seen = greatest(p.last_seen, g.renewed_at),
                        socket_closed_at = greatest(p.socket_closed_at, g.renewed_at)
                    from (select user_id, max(renewed_at) as renewed_at from gone group by user_id) g
                    where p.user_id = g.user_id returning p.user_id)
                select count(*) from dead""")
                .param("me", me).param("now", Timestamp.from(now)).query(Integer.class).single();
    }

    private static PresenceRow row(ResultSet rs) throws SQLException {
        return new PresenceRow(rs.getString("user_id"), instant(rs, "last_seen"), instant(rs, "last_heartbeat"),
                instant(rs, "grace_until"), rs.getBoolean("connected"), rs.getString("status"), rs.getBoolean("in_call"),
                instant(rs, "socket_closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
