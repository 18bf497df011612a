import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Idle-node timer benchmark (run by bench/timer-probe-benchmark.sh against a running Convene): starts
 * N timer probes (the no-op timer-probe process: start → PT10S timer → record how late it fired), one
 * every SPACING ms, so each fires on an otherwise idle node, and reports their lateness. Baseline in
 * the same run: N plain JVM timers of 10 s in this client (a ScheduledExecutorService), started at the
 * same instants — the machine's own timer floor. Not a test: numbers go to docs/benchmarks.md.
 */
public class TimerProbeBenchmark {

    public static void main(String[] args) throws Exception {
        String api = arg(args, "--api", "http://localhost:22080");
        String keycloak = arg(args, "--keycloak", "http://localhost:22180");
        String db = arg(args, "--db", "jdbc:postgresql://localhost:23433/postgres");
        int probes = Integer.parseInt(arg(args, "--probes", "50"));
        long spacing = Long.parseLong(arg(args, "--spacing-ms", "1000"));
        HttpClient http = HttpClient.newHttpClient();
        String admin = token(http, keycloak, "admin");
        // warm-up: a cold node's first timers (class loading, JIT, first Kafka send) are not an idle node's
        int warmup = Integer.parseInt(arg(args, "--warmup", "5"));
        for (int i = 0; i < warmup; i++) {
            http.send(HttpRequest.newBuilder(URI.create(api + "/api/ops/timer-probes"))
                    .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            TimeUnit.MILLISECONDS.sleep(spacing);
        }
        TimeUnit.SECONDS.sleep(warmup > 0 ? 12 : 0);
        java.sql.Timestamp measuredFrom = java.sql.Timestamp.from(java.time.Instant.now());
        ScheduledExecutorService jvm = Executors.newSingleThreadScheduledExecutor();
        List<Long> jvmLateness = Collections.synchronizedList(new ArrayList<>());
        int started = 0;
        for (int i = 0; i < probes; i++) {
            long begin = System.nanoTime();
            HttpResponse<Void> probe = http.send(HttpRequest.newBuilder(URI.create(api + "/api/ops/timer-probes"))
                    .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (probe.statusCode() == 202) {
                started++;
            }
            long due = System.nanoTime() + 10_000_000_000L;
            jvm.schedule(() -> jvmLateness.add((System.nanoTime() - due) / 1_000), 10, TimeUnit.SECONDS);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, begin + spacing * 1_000_000 - System.nanoTime()));
        }
        jvm.shutdown();
        jvm.awaitTermination(30, TimeUnit.SECONDS);
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres")) {
            long deadline = System.currentTimeMillis() + 60_000;
            try (ResultSet w = c.createStatement().executeQuery(
                    "select string_agg(lateness_ms::text, ' ' order by requested_at) from timer_probe where lateness_ms is not null"
                    + " and requested_at < '" + measuredFrom.toInstant() + "'")) {
                w.next();
                System.out.println("warm-up probes' lateness (ms), not counted: " + w.getString(1));
            }
            c.createStatement().execute("delete from timer_probe where requested_at < '" + measuredFrom.toInstant() + "'");
            while (System.currentTimeMillis() < deadline && count(c) < started) {
                TimeUnit.MILLISECONDS.sleep(500);
            }
            StringBuilder each = new StringBuilder();
            try (ResultSet all = c.createStatement().executeQuery(
                    "select lateness_ms from timer_probe where lateness_ms is not null order by requested_at")) {
                while (all.next()) {
                    each.append(each.length() == 0 ? "" : " ").append(all.getLong(1));
                }
            }
            System.out.println("each probe's lateness (ms), in the order started: " + each);
            try (ResultSet p = c.createStatement().executeQuery("""
                    select count(*) as n,
                           percentile_cont(0.5) within group (order by lateness_ms) as p50,
                           percentile_cont(0.95) within group (order by lateness_ms) as p95,
                           percentile_cont(0.99) within group (order by lateness_ms) as p99,
                           max(lateness_ms) as worst
                    from timer_probe where lateness_ms is not null""")) {
                p.next();
                List<Long> base = new ArrayList<>(jvmLateness);
                Collections.sort(base);
                double b50 = pct(base, 0.5) / 1000.0;
                double b99 = pct(base, 0.99) / 1000.0;
                System.out.printf("""
                        | timers (due in 10 s, one started every %d ms) | fired | lateness p50 / p95 / p99 / max (ms) |
                        |---|---|---|
                        | timer probes (no-op BPMN process, PT10S timer) | %d of %d | %.0f / %.0f / %.0f / %.0f |
                        | baseline, same run: JVM ScheduledExecutorService, 10 s | %d of %d | %.1f / %.1f / %.1f / %.1f |
                        probe lateness p99 %.0f ms (target ≤ 100 ms); ratio to the JVM timer: p50 %.0f×, p99 %.0f×
                        """, spacing, p.getLong("n"), started, p.getDouble("p50"), p.getDouble("p95"), p.getDouble("p99"),
                        p.getDouble("worst"), base.size(), probes, b50, pct(base, 0.95) / 1000.0, b99,
                        base.isEmpty() ? 0 : base.get(base.size() - 1) / 1000.0, p.getDouble("p99"),
                        p.getDouble("p50") / Math.max(0.1, b50), p.getDouble("p99") / Math.max(0.1, b99));
            }
        }
    }

    static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    static long count(Connection c) throws Exception {
        try (ResultSet r = c.createStatement().executeQuery("select count(*) from timer_probe where lateness_ms is not null")) {
            r.next();
            return r.getLong(1);
        }
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
