package io.convene.domain.presence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Last heartbeat per user, in PostgreSQL so every app instance sees the same
 * presence. One upsert per heartbeat; never the BPMN engine.
 */
@Component
public class Presences {

    private final JdbcClient jdbc;

    Presences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void heartbeat(String userId, Instant now) {
        jdbc.sql("""
                insert into presence (user_id, last_seen) values (:user, :now)
                on conflict (user_id) do update set last_seen = greatest(presence.last_seen, excluded.last_seen)""")
                .param("user", userId).param("now", Timestamp.from(now)).update();
    }

    /** Those of {@code userIds} whose last heartbeat is not older than {@code since}. */
    public java.util.Set<String> onlineSince(Collection<String> userIds, Instant since) {
        java.util.Set<String> online = new java.util.HashSet<>();
        lastSeen(userIds).forEach((user, seen) -> {
            if (!seen.isBefore(since)) {
                online.add(user);
            }
        });
        return online;
    }

    /** Last heartbeat of each of {@code userIds} that ever sent one. */
    public Map<String, Instant> lastSeen(Collection<String> userIds) {
        Map<String, Instant> seen = new HashMap<>();
        if (userIds.isEmpty()) {
            return seen;
        }
        jdbc.sql("select user_id, last_seen from presence where user_id in (:ids)").param("ids", userIds)
                .query((rs, n) -> seen.put(rs.getString("user_id"), rs.getTimestamp("last_seen").toInstant()))
                .list();
        return seen;
    }
}
