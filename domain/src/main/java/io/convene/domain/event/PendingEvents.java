package io.convene.domain.event;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The relay's view of the outbox: the oldest unpublished events, and the stamp
 * that marks them published. Each call is its own short transaction, so no
 * database transaction is held while the relay talks to Kafka.
 */
@Component
public class PendingEvents {

    private final JdbcClient jdbc;

    PendingEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Pending(long position, StoredEvent event) {}

    /** The oldest unpublished events whose time has come at {@code now} (held ones wait for theirs). */
    public List<Pending> oldest(int limit, Instant now) {
        return jdbc.sql("""
                select position, event_id, type, subject, occurred_at, data::text as data
                from outbox_event where published_at is null and (deliver_at is null or deliver_at <= :now)
                order by position limit :limit""")
                .param("limit", limit)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Pending(rs.getLong("position"), new StoredEvent(
                        rs.getObject("event_id", java.util.UUID.class),
                        rs.getString("type"),
                        rs.getString("subject"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("data"))))
                .list();
    }

    public void markPublished(List<Long> positions, Instant at) {
        if (positions.isEmpty()) {
            return;
        }
        jdbc.sql("update outbox_event set published_at = :at where position in (:positions)")
                .param("at", Timestamp.from(at))
                .param("positions", positions)
                .update();
    }

    /** Deletes up to {@code limit} events published before {@code before}, oldest first; how many. */
    public int forgetPublishedBefore(Instant before, int limit) {
        return jdbc.sql("""
                delete from outbox_event where position in (
                    select position from outbox_event where published_at < :before order by position limit :limit)""")
                .param("before", Timestamp.from(before)).param("limit", limit).update();
    }

    public long countUnpublished() {
        return jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single();
    }

    /**
     * Takes or renews the relay lease named {@code lease} (made on first use) for {@code duration};
     * true when this owner holds it. Only one app instance relays at a time, which keeps the per-key
     * order. Its times are the database's: the instances' clocks may differ (and a test may move
     * the app's), the one they share decides who holds it.
     */
    public boolean holdLease(String lease, String owner, java.time.Duration duration) {
        return jdbc.sql("""
                insert into outbox_relay_lease as l (name, owner, lease_until)
                values (:lease, :owner, clock_timestamp() + make_interval(secs => :seconds))
                on conflict (name) do update set owner = :owner, lease_until = excluded.lease_until
                where l.owner = :owner or l.lease_until is null or l.lease_until < clock_timestamp()""")
                .param("lease", lease)
                .param("owner", owner)
                .param("seconds", duration.toMillis() / 1000.0)
                .update() == 1;
    }

    /** Gives the lease up (an instance that stops): another one takes it at once, not when it runs out. */
    public void releaseLease(String lease, String owner) {
        jdbc.sql("update outbox_relay_lease set lease_until = null where name = :lease and owner = :owner")
                .param("lease", lease).param("owner", owner).update();
    }
}
