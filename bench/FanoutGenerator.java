import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The event source of bench/fanout-benchmark.sh (started by bench/fanout-client.mjs): commits
 * {@code presence.changed} domain events into the node's outbox with JDBC at a fixed rate, one
 * event per transaction, with the payload PresenceAnnouncer writes ({userId, status, lastSeen,
 * inCall}, subject = userId). The relay, Kafka, every node's consumer, EventRouting and the
 * gateway then carry them as they carry any event: nothing on that path knows they come from a
 * benchmark. Bench-only, because no use case can change presence 1,000 times a second on purpose.
 *
 * <p>Each event's {@code lastSeen} is unique (µs, strictly increasing), so the client can match
 * what it receives; for every event this prints {@code E <lastSeen> <commit µs since the epoch>},
 * the wall-clock time right after its commit returned. At the end one {@code S <json>} line: how
 * many, the achieved rate, and from the outbox how long the relay took (occurred_at → published_at).
 *   java -cp <postgresql jar> bench/FanoutGenerator.java --rate 1000 --seconds 30 --users 1000 --threads 4
 */
public class FanoutGenerator {

    public static void main(String[] args) throws Exception {
        String db = arg(args, "--db", "jdbc:postgresql://127.0.0.1:15433/postgres");
        int rate = Integer.parseInt(arg(args, "--rate", "1000"));
        int seconds = Integer.parseInt(arg(args, "--seconds", "30"));
        int users = Integer.parseInt(arg(args, "--users", "1000"));
        int threads = Integer.parseInt(arg(args, "--threads", "4"));
        long total = (long) rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        AtomicLong next = new AtomicLong();
        AtomicLong lastMicros = new AtomicLong();
        AtomicLong late = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long startedAt = System.currentTimeMillis();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(db, "postgres", "postgres");
                     PreparedStatement insert = c.prepareStatement("""
                             insert into outbox_event (event_id, type, subject, occurred_at, data)
                             values (?, 'presence.changed', ?, ?, cast(? as jsonb))""")) {
                    c.setAutoCommit(true); // one event, one transaction, as a use case commits it
                    StringBuilder out = new StringBuilder(64);
                    for (long k = next.getAndIncrement(); k < total; k = next.getAndIncrement()) {
                        long due = start + k * intervalNanos; // open loop: event k is due at start + k / rate
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        } else if (wait < -TimeUnit.MILLISECONDS.toNanos(10)) {
                            late.incrementAndGet();
                        }
                        String user = String.format("bench-user-%06d", k % users);
                        long micros = lastMicros.updateAndGet(last -> Math.max(last + 1, nowMicros()));
                        String lastSeen = Instant.EPOCH.plusNanos(micros * 1000).toString();
                        insert.setObject(1, UUID.randomUUID());
                        insert.setString(2, user);
                        insert.setTimestamp(3, Timestamp.from(Instant.EPOCH.plusNanos(micros * 1000)));
                        insert.setString(4, "{\"userId\":\"" + user + "\",\"status\":\"online\",\"lastSeen\":\""
                                + lastSeen + "\",\"inCall\":false}");
                        insert.executeUpdate();
                        long committed = nowMicros();
                        out.setLength(0);
                        out.append("E ").append(lastSeen).append(' ').append(committed).append('\n');
                        synchronized (System.out) {
                            System.out.print(out);
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 600L, TimeUnit.SECONDS);
        double elapsed = (System.currentTimeMillis() - startedAt) / 1000.0;
        System.out.flush();
        TimeUnit.SECONDS.sleep(3); // the relay stamps what it sent
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres");
             PreparedStatement q = c.prepareStatement("""
                     select count(*) as n, count(published_at) as published,
                            percentile_cont(0.5) within group (order by lag) as p50,
                            percentile_cont(0.99) within group (order by lag) as p99, max(lag) as worst
                     from (select published_at, extract(epoch from (published_at - occurred_at)) * 1000 as lag
                           from outbox_event where type = 'presence.changed' and occurred_at >= ?) e""")) {
            q.setTimestamp(1, new Timestamp(startedAt));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                System.out.printf("S {\"events\":%d,\"seconds\":%.3f,\"perSecond\":%.1f,\"lateBy10ms\":%d,"
                                + "\"outboxRows\":%d,\"published\":%d,\"relayP50\":%.1f,\"relayP99\":%.1f,\"relayMax\":%.1f}%n",
                        total, elapsed, total / elapsed, late.get(), r.getLong("n"), r.getLong("published"),
                        r.getDouble("p50"), r.getDouble("p99"), r.getDouble("worst"));
            }
        }
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
