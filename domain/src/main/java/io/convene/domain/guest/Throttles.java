package io.convene.domain.guest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fixed-window request counters in PostgreSQL, shared by every app instance: one upsert per
 * request returns the count of the current window (a window older than {@code window} starts over).
 */
@Component
public class Throttles {

    private final JdbcClient jdbc;

    Throttles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts a hit on {@code bucket}; returns the hits of its current window, this one included. */
    public int hit(String bucket, Duration window, Instant now) {
        return jdbc.sql("""
                insert into guest_throttle as t (bucket, window_start, hits) values (:bucket, :now, 1)
                on conflict (bucket) do update set
                    window_start = case when t.window_start <= :expired then :now else t.window_start end,
                    hits = case when t.window_start <= :expired then 1 else t.hits + 1 end
                returning hits""")
                .param("bucket", bucket).param("now", Timestamp.from(now))
                .param("expired", Timestamp.from(now.minus(window)))
                .query(Integer.class).single();
    }

    /** When the current window of {@code bucket} started, or {@code now} if it has none. */
    public Instant windowStart(String bucket, Instant now) {
        return jdbc.sql("select window_start from guest_throttle where bucket = :bucket").param("bucket", bucket)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(now);
    }

    /** Forgets windows that ended before {@code before}. */
    public int forgetBefore(Instant before) {
        return jdbc.sql("delete from guest_throttle where window_start < :before")
                .param("before", Timestamp.from(before)).update();
    }
}
