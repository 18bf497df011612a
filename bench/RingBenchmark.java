import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ring benchmark (run by bench/ring-benchmark.sh against a running Convene):
 * alice calls bob as fast as N client threads can for a fixed time; bob never
 * answers, so every ring times out on the BPMN timer. Reports sustained calls
 * per second and the lag between each ring's due time (its call:incoming
 * notice expires then) and the missed-call notice the timeout writes. Baseline in the same run:
 * the lateness of the no-op timer-probe process's PT10S timer, started at a steady rate meanwhile.
 * Not a test: numbers go to docs/benchmarks.md.
 */
public class RingBenchmark {

    static final String BOB = "b0b00000-0000-4000-8000-000000000002";

    public static void main(String[] args) throws Exception {
        String api = arg(args, "--api", "http://localhost:18080");
        String keycloak = arg(args, "--keycloak", "http://localhost:18180");
        String db = arg(args, "--db", "jdbc:postgresql://localhost:15433/postgres");
        int seconds = Integer.parseInt(arg(args, "--seconds", "60"));
        int threads = Integer.parseInt(arg(args, "--threads", "4"));
        // --rate N: open loop, N calls started per second (as many in flight as needed, up to --threads x 8);
        // 0 (default): closed loop, each client thread places its next call when the last one returned
        double rate = Double.parseDouble(arg(args, "--rate", "0"));
        HttpClient http = HttpClient.newHttpClient();
        int probesPerSecond = Integer.parseInt(arg(args, "--probes-per-second", "2"));
        String alice = token(http, keycloak, "alice");
        String bob = token(http, keycloak, "bob");
        String admin = token(http, keycloak, "admin");
        heartbeat(http, api, bob);

        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Instant end = Instant.now().plusSeconds(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(rate > 0 ? threads * 8 : threads);
        Instant started = Instant.now();
        AtomicLong dropped = new AtomicLong(); // open loop: calls not started on time because all clients were busy
        java.util.Map<String, AtomicLong> failures = new java.util.concurrent.ConcurrentSkipListMap<>(); // status (or exception) → count
        Runnable placeOne = () -> {
            long begin = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/api/calls/instant"))
                        .header("Authorization", "Bearer " + alice).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"participantIds\":[\"" + BOB + "\"],\"callType\":\"audio\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    ok.incrementAndGet();
                    latencies.add((System.nanoTime() - begin) / 1_000_000);
                } else {
                    failed.incrementAndGet();
                    failures.computeIfAbsent(response.statusCode() + " " + response.body().replaceAll(".*\"type\":\"([^\"]*)\".*", "$1"),
                            k -> new AtomicLong()).incrementAndGet();
                }
            } catch (Exception e) {
                failed.incrementAndGet();
                failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
            }
        };
        if (rate > 0) {
            java.util.concurrent.ThreadPoolExecutor clients = (java.util.concurrent.ThreadPoolExecutor) pool;
            Thread pacer = new Thread(() -> {
                long interval = (long) (1_000_000_000L / rate);
                long next = System.nanoTime();
                while (Instant.now().isBefore(end)) {
                    if (clients.getActiveCount() >= clients.getMaximumPoolSize()) {
                        dropped.incrementAndGet();
                    } else {
                        pool.submit(placeOne);
                    }
                    next += interval;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                }
            }, "pacer");
            pacer.start();
        } else {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    while (Instant.now().isBefore(end)) {
                        placeOne.run();
                    }
                    return null;
                });
            }
        }
        // baseline in the same run: the timer-probe process (start → PT10S timer → record how late it
        // fired), a no-op model on the same job executor, started at a steady rate while the calls run
        AtomicLong probesStarted = new AtomicLong();
        Thread probing = new Thread(() -> {
            long next = System.nanoTime();
            while (Instant.now().isBefore(end)) {
                try {
                    HttpResponse<Void> probe = http.send(HttpRequest.newBuilder(URI.create(api + "/api/ops/timer-probes"))
                            .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (probe.statusCode() == 202) {
                        probesStarted.incrementAndGet();
                    }
                    next += 1_000_000_000L / probesPerSecond;
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                } catch (Exception e) {
                    return;
                }
            }
        }, "timer-probes");
        probing.start();
        // bob stays online (heartbeat well inside the 90 s window) while calls are placed
        while (Instant.now().isBefore(end)) {
            TimeUnit.SECONDS.sleep(Math.min(20, Math.max(1, Duration.between(Instant.now(), end).toSeconds())));
            heartbeat(http, api, bob);
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        probing.join();
        double elapsed = Duration.between(started, Instant.now()).toMillis() / 1000.0;

        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres")) {
            Instant deadline = Instant.now().plusSeconds(180);
            long rung = 0;
            long missed = 0;
            while (Instant.now().isBefore(deadline)) {
                // from the outbox, which outlives the calls (a call nobody answered is cleaned up at once)
                rung = count(c, "select count(*) from outbox_event where type = 'call.ringing'");
                missed = count(c, "select count(*) from outbox_event where type = 'call.missed'");
                long probesFired = count(c, "select count(*) from timer_probe where lateness_ms is not null");
                if (missed >= rung && probesFired >= probesStarted.get()) {
                    break;
                }
                TimeUnit.SECONDS.sleep(2);
            }
            try (ResultSet r = c.createStatement().executeQuery("""
                    select count(*) as n,
                           percentile_cont(0.5) within group (order by lag) as p50,
                           percentile_cont(0.95) within group (order by lag) as p95,
                           percentile_cont(0.99) within group (order by lag) as p99,
                           max(lag) as worst
                    from (select extract(epoch from (m.occurred_at - (r.occurred_at + interval '30 seconds'))) * 1000 as lag
                          from outbox_event r join outbox_event m
                            on m.subject = r.subject and m.type = 'call.missed'
                           and m.data->>'calleeId' = r.data->>'calleeId'
                          where r.type = 'call.ringing') lags""")) {
                r.next();
                Collections.sort(latencies);
                if (!failures.isEmpty()) {
                    System.out.println("failed calls by answer: " + failures);
                }
                if (rate > 0) {
                    System.out.printf("open loop: %.0f calls/s asked, %d not started (every client busy)%n", rate, dropped.get());
                }
                System.out.printf("""
                        | calls placed (201) | failed | seconds | calls/s | API p50 / p99 (ms) | rings timed out | timeout lag p50 / p95 / p99 / max (ms) |
                        |---|---|---|---|---|---|---|
                        | %d | %d | %.1f | %.1f | %d / %d | %d of %d | %.0f / %.0f / %.0f / %.0f |
                        """, ok.get(), failed.get(), elapsed, ok.get() / elapsed,
                        pct(latencies, 0.5), pct(latencies, 0.99), r.getLong("n"), rung,
                        r.getDouble("p50"), r.getDouble("p95"), r.getDouble("p99"), r.getDouble("worst"));
                try (ResultSet p = c.createStatement().executeQuery("""
                        select count(*) as n,
                               percentile_cont(0.5) within group (order by lateness_ms) as p50,
                               percentile_cont(0.95) within group (order by lateness_ms) as p95,
                               percentile_cont(0.99) within group (order by lateness_ms) as p99,
                               max(lateness_ms) as worst
                        from timer_probe where lateness_ms is not null""")) {
                    p.next();
                    System.out.printf("""
                            | baseline, same run: %d timer probes (no-op process, PT10S timer) | – | – | – | – | %d of %d fired | %.0f / %.0f / %.0f / %.0f |
                            ring timeout lag / probe lateness: p50 %.2f, p99 %.2f
                            """, probesStarted.get(), p.getLong("n"), probesStarted.get(), p.getDouble("p50"), p.getDouble("p95"),
                            p.getDouble("p99"), p.getDouble("worst"), r.getDouble("p50") / Math.max(1, p.getDouble("p50")),
                            r.getDouble("p99") / Math.max(1, p.getDouble("p99")));
                }
            }
        }
    }

    static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    static long count(Connection c, String sql) throws Exception {
        try (ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static void heartbeat(HttpClient http, String api, String token) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(api + "/api/presence/heartbeat")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    static String token(HttpClient http, String keycloak, String user) throws Exception {
        String form = "grant_type=password&client_id=portal&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        String body = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/convene/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token for " + user + ": " + body);
        }
        return m.group(1);
    }

    static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
