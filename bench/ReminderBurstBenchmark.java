import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reminder burst benchmark (run by bench/reminder-burst-benchmark.sh against its own Convene):
 * PENDING meetings scheduled through the REST API (alice invites bob), each a waiting
 * meeting-lifecycle instance with its timers; the last BURST of them start at T + 15 min, so their
 * "15 min before start" reminders are all due in the same second T. Measures, per burst meeting,
 * bob's reminder notification row ({@code created_at}, PostgreSQL) and the {@code meeting:reminder}
 * socket event (a real socket.io-client connected as bob, bench/event-client.mjs) against T.
 * Baselines in the same run: the no-op timer-probe process (PT10S) started before and during the
 * burst, and a light stream of instant calls alice → bob, never answered, whose PT30S ring timeouts
 * fall into the burst. Also EXPLAINs Camunda's job acquisition query at that pending count. Not a
 * test: the Markdown goes to docs/benchmarks.md.
 */
public class ReminderBurstBenchmark {

    static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    static final String BOB = "b0b00000-0000-4000-8000-000000000002";
    static final String REMINDER_TYPE = "meeting.reminder.15_min_before";
    static final Pattern ID = Pattern.compile("\"(?:meetingId|id)\"\\s*:\\s*\"([^\"]+)\"");

    static HttpClient http;
    static Tokens tokens;
    static String api;

    public static void main(String[] args) throws Exception {
        api = arg(args, "--api", "http://127.0.0.1:58080");
        String keycloak = arg(args, "--keycloak", "http://127.0.0.1:58180");
        String db = arg(args, "--db", "jdbc:postgresql://127.0.0.1:55433/postgres");
        String socketUrl = arg(args, "--socket", "http://127.0.0.1:58081");
        String nodeClient = arg(args, "--node-client", "bench/event-client.mjs");
        int pending = Integer.parseInt(arg(args, "--pending", "200000"));
        int burst = Integer.parseInt(arg(args, "--burst", "5000"));
        int threads = Integer.parseInt(arg(args, "--threads", "8"));
        long maxCreateSeconds = Long.parseLong(arg(args, "--max-create-seconds", "900"));
        double ringRate = Double.parseDouble(arg(args, "--ring-rate", "3"));
        int ringSeconds = Integer.parseInt(arg(args, "--ring-seconds", "10"));
        double probeRate = Double.parseDouble(arg(args, "--probes-per-second", "2"));
        int maxJobsPerAcquisition = Integer.parseInt(arg(args, "--max-jobs-per-acquisition", "10"));
        String commit = arg(args, "--commit", "?");
        String machine = arg(args, "--machine", "?");
        if (burst <= 0 || pending < burst) {
            throw new IllegalArgumentException("need 0 < BURST <= PENDING");
        }
        String loadBefore = loadAverage();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        tokens = new Tokens(http, keycloak);
        tokens.get("alice");
        tokens.get("bob");
        tokens.get("admin");

        // 1. the background: meetings days ahead (their reminders are not due during the run)
        Instant far = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        Creation background = new Creation(pending - burst, i -> far.plusSeconds(10L * i), threads, "background");
        int asked = pending;
        int[] pendingHolder = {pending};
        Thread capper = new Thread(() -> {
            boolean told = false;
            while (!background.done()) {
                try {
                    TimeUnit.SECONDS.sleep(15);
                } catch (InterruptedException e) {
                    return;
                }
                double rate = background.rate();
                int made = background.created.get();
                if (made < 200 || rate <= 0) {
                    continue;
                }
                double elapsed = background.elapsedSeconds();
                double expected = pendingHolder[0] / rate;
                if (!told) {
                    System.err.printf("bench: creation rate %.1f meetings/s: %d pending would take %.0f s (%.1f min); %d would take %.0f min%n",
                            rate, pendingHolder[0], expected, expected / 60, 200_000, 200_000 / rate / 60);
                    told = true;
                }
                // what fits the time box at the current rate (warming up, the node is slower: raise it again when it speeds up)
                int fits = (int) Math.min(asked, Math.max(made + 1 + burst, Math.floor(made + rate * (maxCreateSeconds - elapsed))));
                if (Math.abs(fits - pendingHolder[0]) > pendingHolder[0] / 50) {
                    pendingHolder[0] = fits;
                    background.limit(fits - burst);
                    System.err.printf("bench: at %.1f meetings/s, PENDING=%d %s %d s of creation: pending set to %d%n",
                            rate, asked, fits < asked ? "does not fit" : "fits", maxCreateSeconds, fits);
                }
            }
        }, "capper");
        capper.setDaemon(true);
        capper.start();
        background.run();
        double createRate = background.rate();
        pending = background.created.get() + burst;
        double overall = background.created.get() / Math.max(0.001, background.elapsedSeconds());
        System.err.printf("bench: %d background meetings in %.0f s (%.1f/s overall, %.1f/s over the last 30 s, %d failed);"
                + " at that rate 200,000 would take %.1f min to create%n", background.created.get(), background.elapsedSeconds(),
                overall, createRate, background.failed.get(), 200_000 / Math.max(0.001, createRate) / 60);

        // 2. T: the burst's creation estimated from the background's rate, plus a margin that leaves
        // room for the ring stream (started T − 30 s) and the socket to connect
        double burstSeconds = burst / Math.max(1, createRate);
        Instant t = Instant.now().plusMillis((long) (burstSeconds * 1500) + 45_000).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant start = t.plus(15, ChronoUnit.MINUTES);
        System.err.printf("bench: burst of %d: estimated %.0f s to create at %.1f/s; T (reminders due) = %s (in %d s), start = %s%n",
                burst, burstSeconds, createRate, t, Duration.between(Instant.now(), t).toSeconds(), start);
        Creation burstCreation = new Creation(burst, i -> start, threads, "burst");
        burstCreation.run();
        Instant burstCreated = Instant.now();
        Set<String> burstIds = new HashSet<>(burstCreation.ids);
        System.err.printf("bench: %d burst meetings created (%d failed), %d s before T%n", burstIds.size(),
                burstCreation.failed.get(), Duration.between(burstCreated, t).toSeconds());
        if (burstCreated.isAfter(t.minusSeconds(2))) {
            System.err.println("bench: WARNING the burst's creation ran into T: the figures below include reminders created late");
        }

        String explain;
        long jobs;
        long timers;
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres")) {
            jobs = count(c, "select count(*) from act_ru_job");
            timers = count(c, "select count(*) from act_ru_job where type_ = 'timer'");
            explain = explain(c, maxJobsPerAcquisition);
        }

        // 3. bob's socket, probes and ring stream around T
        tokens.refresh("bob");
        heartbeat(tokens.get("bob"));
        SocketClient socket = new SocketClient(nodeClient, socketUrl, tokens.get("bob"));
        List<String> callIds = Collections.synchronizedList(new ArrayList<>());
        AtomicLong ringFailed = new AtomicLong();
        Thread rings = at(t.minusSeconds(30), () -> {
            long n = Math.round(ringRate * ringSeconds);
            long begin = System.nanoTime();
            for (long i = 0; i < n; i++) {
                pace(begin, i, ringRate);
                HttpResponse<String> r = send("POST", "/api/calls/instant", tokens.get("alice"),
                        "{\"participantIds\":[\"" + BOB + "\"],\"callType\":\"audio\"}");
                if (r.statusCode() == 201) {
                    callIds.add(id(r.body()));
                } else {
                    ringFailed.incrementAndGet();
                }
            }
        });
        AtomicLong probesStarted = new AtomicLong();
        Thread probes = at(t.minusSeconds(25), () -> {
            long n = Math.round(probeRate * (25 + ringSeconds + 5));
            long begin = System.nanoTime();
            for (long i = 0; i < n; i++) {
                pace(begin, i, probeRate);
                if (send("POST", "/api/ops/timer-probes", tokens.get("admin"), null).statusCode() == 202) {
                    probesStarted.incrementAndGet();
                }
            }
        });
        rings.join();
        probes.join();

        // 4. wait for every reminder (row and socket event), every ring timeout and probe
        Instant deadline = t.plusSeconds(240);
        long rows = 0;
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres")) {
            while (Instant.now().isBefore(deadline)) {
                rows = count(c, "select count(*) from notification where user_id = '" + BOB + "' and type = '" + REMINDER_TYPE + "'");
                long missed = count(c, "select count(*) from outbox_event where type = 'call.missed'");
                long fired = count(c, "select count(*) from timer_probe where lateness_ms is not null");
                if (rows >= burst && socket.count(burstIds) >= burst && missed >= callIds.size() && fired >= probesStarted.get()) {
                    break;
                }
                TimeUnit.SECONDS.sleep(2);
            }
            TimeUnit.SECONDS.sleep(3); // a duplicate, if any, has a moment to arrive
            socket.close();

            // 5. results
            long tMillis = t.toEpochMilli();
            List<Double> rowLate = new ArrayList<>();
            long strayRows = 0;
            try (PreparedStatement s = c.prepareStatement("select meeting_id, extract(epoch from greatest(created_at, stored_at)) * 1000 from notification where user_id = ? and type = ?")) {
                s.setString(1, BOB);
                s.setString(2, REMINDER_TYPE);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (burstIds.contains(r.getString(1))) {
                            rowLate.add(r.getDouble(2) - tMillis);
                        } else {
                            strayRows++;
                        }
                    }
                }
            }
            Map<String, Long> outboxPerMeeting = new HashMap<>();
            try (ResultSet r = c.createStatement().executeQuery("select subject, count(*) from outbox_event where type = 'meeting.reminder'"
                    + " and data->>'reminderType' = '15_min_before' group by subject")) {
                while (r.next()) {
                    outboxPerMeeting.put(r.getString(1), r.getLong(2));
                }
            }
            long outboxOnce = burstIds.stream().filter(id -> outboxPerMeeting.getOrDefault(id, 0L) == 1).count();
            List<Double> socketLate = new ArrayList<>();
            long socketOnce = 0;
            long socketDuplicates = 0;
            for (String id : burstIds) {
                List<Long> arrivals = socket.arrivals.getOrDefault(id, List.of());
                if (arrivals.size() == 1) {
                    socketOnce++;
                }
                if (arrivals.size() > 1) {
                    socketDuplicates += arrivals.size() - 1;
                }
                if (!arrivals.isEmpty()) {
                    socketLate.add((double) (arrivals.get(0) - tMillis));
                }
            }
            // the probes: lateness as the probe process records it, split by due time (before T / from T on)
            List<Double> probesBefore = new ArrayList<>();
            List<Double> probesDuring = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery("select extract(epoch from requested_at) * 1000 + delay_ms, lateness_ms"
                    + " from timer_probe where lateness_ms is not null")) {
                while (r.next()) {
                    (r.getDouble(1) < tMillis ? probesBefore : probesDuring).add(r.getDouble(2));
                }
            }
            // ring timeouts: as RingBenchmark measures them (the missed call's event − (ring event + 30 s))
            List<Double> ringLag = new ArrayList<>();
            long rung;
            Array ids = c.createArrayOf("varchar", callIds.toArray());
            try (PreparedStatement s = c.prepareStatement("""
                    select extract(epoch from (m.occurred_at - (r.occurred_at + interval '30 seconds'))) * 1000
                    from outbox_event r join outbox_event m
                      on m.subject = r.subject and m.type = 'call.missed' and m.data->>'calleeId' = r.data->>'calleeId'
                    where r.type = 'call.ringing' and r.subject = any(?)""")) {
                s.setArray(1, ids);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ringLag.add(r.getDouble(1));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("select count(*) from outbox_event where type = 'call.ringing' and subject = any(?)")) {
                s.setArray(1, ids);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    rung = r.getLong(1);
                }
            }
            String loadAfter = loadAverage();

            System.out.println();
            System.out.println("### Reminder burst (bench/reminder-burst-benchmark.sh " + pending + " " + burst + ")");
            System.out.println();
            System.out.printf("%d meetings pending (%d created at %.1f/s through `POST /api/meetings`, %d client threads; %d jobs in ACT_RU_JOB, %d timers), "
                    + "%d of them with their 15-min reminder due at T = %s; bob's socket (socket.io-client 4.8.1) connected.%n",
                    pending, pending, createRate, threads, jobs, timers, burst, t);
            System.out.println();
            Stats base = new Stats(probesBefore);
            System.out.println("| date | commit | machine | load before → after | figure | n | p50 / p95 / p99 / max (ms) | baseline (same run) | baseline p50 / p95 / p99 / max (ms) | ratio p50, p99 |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            String head = String.format("| %s | %s | %s | %s → %s ", LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE), commit, machine,
                    loadBefore, loadAfter);
            String baseline = String.format("timer probes due before T (%d, PT10S no-op) | %s", probesBefore.size(), base);
            row(head, "reminder → bob's notification shown (max(`created_at`, `stored_at`) − T: in his list from then)", new Stats(rowLate), baseline, base);
            row(head, "reminder → bob's `meeting:reminder` socket event (arrival − T)", new Stats(socketLate), baseline, base);
            row(head, String.format("ring timeouts due in [T, T+%d s] (%.0f calls/s, lag as ring-benchmark)", ringSeconds, ringRate),
                    new Stats(ringLag), baseline, base);
            row(head, "timer probes due from T on (PT10S no-op)", new Stats(probesDuring), baseline, base);
            System.out.println();
            System.out.printf("""
                    | arrived (of %d burst reminders) | count |
                    |---|---|
                    | notification rows for bob | %d (unique key: at most one each; %d reminder rows of other meetings) |
                    | `meeting.reminder` outbox events exactly once | %d |
                    | `meeting:reminder` socket events exactly once | %d (missing %d, duplicates %d) |
                    | rings timed out | %d of %d rung (%d calls placed, %d refused) |
                    | timer probes fired | %d of %d started |
                    """, burst, rowLate.size(), strayRows, outboxOnce, socketOnce, burst - socketLate.size(), socketDuplicates,
                    ringLag.size(), rung, callIds.size(), ringFailed.get(), probesBefore.size() + probesDuring.size(), probesStarted.get());
            boolean all = rowLate.size() == burst && socketOnce == burst && outboxOnce == burst;
            System.out.println();
            System.out.println(all ? "Every burst reminder arrived exactly once (row, event, socket)."
                    : "NOT every burst reminder arrived exactly once: see the counts above.");
            System.out.println();
            System.out.println("Camunda's job acquisition query (Job.xml selectNextJobsToExecute, PostgreSQL, acquire-by-due-date and prefer-timers on, "
                    + "exclusive over process hierarchies, LIMIT " + maxJobsPerAcquisition + ") at " + jobs + " jobs, EXPLAIN (ANALYZE, BUFFERS):");
            System.out.println();
            System.out.println("```");
            System.out.print(explain);
            System.out.println("```");
        }
    }

    static void row(String head, String figure, Stats s, String baseline, Stats base) {
        System.out.printf("%s| %s | %d | %s | %s | %s, %s |%n", head, figure, s.n(), s, baseline,
                ratio(s.pct(0.5), base.pct(0.5)), ratio(s.pct(0.99), base.pct(0.99)));
    }

    static String ratio(double figure, double baseline) {
        return Double.isNaN(figure) || Double.isNaN(baseline) ? "–" : String.format("%.2f", figure / Math.max(1, baseline));
    }

    /** The acquisition query as MyBatis renders it for PostgreSQL with this app's settings; both due-date variants. */
    static String explain(Connection c, int limit) throws Exception {
        String now;
        try (ResultSet r = c.createStatement().executeQuery("select localtimestamp::text")) {
            r.next();
            now = "'" + r.getString(1) + "'::timestamp";
        }
        StringBuilder out = new StringBuilder();
        for (boolean alwaysSetDueDate : new boolean[] {false, true}) {
            String sql = "select RES.ID_, RES.REV_, RES.DUEDATE_, RES.ROOT_PROC_INST_ID_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ from ACT_RU_JOB RES"
                    + " where (RES.RETRIES_ > 0) and (" + (alwaysSetDueDate ? "" : "RES.DUEDATE_ is null or ") + "RES.DUEDATE_ <= " + now + ")"
                    + " and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < " + now + ") and RES.SUSPENSION_STATE_ = 1"
                    + " and ((RES.EXCLUSIVE_ = true and not exists(select J2.ID_ from ACT_RU_JOB J2"
                    + " where (RES.ROOT_PROC_INST_ID_ is not null and J2.ROOT_PROC_INST_ID_ = RES.ROOT_PROC_INST_ID_"
                    + " or RES.ROOT_PROC_INST_ID_ is null and J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_) and (J2.EXCLUSIVE_ = true)"
                    + " and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= " + now + "))) or RES.EXCLUSIVE_ = false)"
                    + " order by RES.TYPE_ desc, RES.DUEDATE_ asc LIMIT " + limit;
            out.append("-- ensureJobDueDateNotNull=").append(alwaysSetDueDate).append(alwaysSetDueDate ? "" : " (the engine's default)")
                    .append("\n").append(sql).append("\n");
            try (ResultSet r = c.createStatement().executeQuery("explain (analyze, buffers) " + sql)) {
                while (r.next()) {
                    out.append(r.getString(1)).append("\n");
                }
            }
            out.append("\n");
        }
        return out.toString();
    }

    /** Creates COUNT meetings (alice invites bob) with THREADS parallel clients; LIMIT may be lowered while it runs. */
    static final class Creation {
        final IntFunction<Instant> startOf;
        final int threads;
        final String label;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final List<String> ids = Collections.synchronizedList(new ArrayList<>());
        volatile int limit;
        volatile long began;
        volatile long ended;
        // the rate over the last 30 s, for the estimate of what follows
        final Map<Long, Integer> createdAtSecond = new ConcurrentHashMap<>();

        Creation(int count, IntFunction<Instant> startOf, int threads, String label) {
            this.limit = count;
            this.startOf = startOf;
            this.threads = threads;
            this.label = label;
        }

        void limit(int n) {
            limit = Math.max(next.get(), n);
        }

        boolean done() {
            return ended != 0;
        }

        double elapsedSeconds() {
            return ((ended != 0 ? ended : System.nanoTime()) - began) / 1e9;
        }

        /** Meetings per second over the last 30 s (all of it when shorter). */
        double rate() {
            long nowSecond = (long) elapsedSeconds();
            long from = Math.max(0, nowSecond - 30);
            int n = 0;
            for (Map.Entry<Long, Integer> e : createdAtSecond.entrySet()) {
                if (e.getKey() >= from) {
                    n += e.getValue();
                }
            }
            double window = elapsedSeconds() - from;
            return window <= 0 ? 0 : n / window;
        }

        void run() throws Exception {
            began = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            Thread progress = new Thread(() -> {
                while (!done()) {
                    try {
                        TimeUnit.SECONDS.sleep(30);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (!done()) {
                        System.err.printf("bench: %s: %d of %d created (%.1f/s now)%n", label, created.get(), limit, rate());
                    }
                }
            });
            progress.setDaemon(true);
            progress.start();
            for (int w = 0; w < threads; w++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < limit) {
                        String body = "{\"title\":\"bench reminder " + label + " " + i + "\",\"startTime\":\"" + startOf.apply(i)
                                + "\",\"participantIds\":[\"" + BOB + "\"]}";
                        try {
                            HttpResponse<String> r = send("POST", "/api/meetings", tokens.get("alice"), body);
                            if (r.statusCode() == 201) {
                                ids.add(id(r.body()));
                                created.incrementAndGet();
                                createdAtSecond.merge((long) elapsedSeconds(), 1, Integer::sum);
                            } else {
                                if (failed.incrementAndGet() <= 3) {
                                    System.err.println("bench: create " + r.statusCode() + ": " + r.body());
                                }
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.DAYS);
            ended = System.nanoTime();
        }
    }

    /** bench/event-client.mjs as bob: the arrival time of every meeting:reminder, per meeting. */
    static final class SocketClient {
        final Process process;
        final Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();
        volatile String problem;

        SocketClient(String script, String url, String token) throws Exception {
            ProcessBuilder pb = new ProcessBuilder("node", script, "--url", url).redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("TOKEN", token);
            process = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            // events of the meetings just created may come before the CONNECT answer is printed: skip to it
            String first;
            while ((first = out.readLine()) != null && !first.contains("\"connected\":true")) {
                if (first.contains("\"error\"")) {
                    break;
                }
            }
            if (first == null || !first.contains("\"connected\":true")) {
                throw new IllegalStateException("bob's socket did not connect: " + first);
            }
            Thread reader = new Thread(() -> {
                try {
                    String line;
                    Pattern event = Pattern.compile("\"event\":\"meeting:reminder\",\"meetingId\":\"([^\"]+)\",\"at\":(\\d+)");
                    while ((line = out.readLine()) != null) {
                        Matcher m = event.matcher(line);
                        if (m.find()) {
                            arrivals.computeIfAbsent(m.group(1), k -> Collections.synchronizedList(new ArrayList<>()))
                                    .add(Long.parseLong(m.group(2)));
                        } else if (line.contains("disconnected")) {
                            problem = line;
                            System.err.println("bench: bob's socket: " + line);
                        }
                    }
                } catch (Exception e) {
                    problem = e.toString();
                }
            }, "socket-reader");
            reader.setDaemon(true);
            reader.start();
        }

        long count(Set<String> ids) {
            return ids.stream().filter(arrivals::containsKey).count();
        }

        void close() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
        }
    }

    record Stats(List<Double> sorted) {
        Stats {
            sorted = new ArrayList<>(sorted);
            Collections.sort(sorted);
        }

        int n() {
            return sorted.size();
        }

        double pct(double p) {
            return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
        }

        @Override
        public String toString() {
            return sorted.isEmpty() ? "–" : String.format("%.0f / %.0f / %.0f / %.0f", pct(0.5), pct(0.95), pct(0.99), sorted.get(sorted.size() - 1));
        }
    }

    /** Runs the body on a thread of its own from the given instant on (at once if it has passed). */
    static Thread at(Instant when, Body body) {
        Thread thread = new Thread(() -> {
            try {
                long wait = Duration.between(Instant.now(), when).toMillis();
                if (wait > 0) {
                    TimeUnit.MILLISECONDS.sleep(wait);
                } else {
                    System.err.println("bench: started " + (-wait) + " ms after its time");
                }
                body.run();
            } catch (Exception e) {
                System.err.println("bench: " + e);
            }
        });
        thread.start();
        return thread;
    }

    interface Body {
        void run() throws Exception;
    }

    /** Open loop: the i-th action at begin + i / rate. */
    static void pace(long begin, long i, double rate) throws InterruptedException {
        long due = begin + (long) (i * 1e9 / rate);
        TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
    }

    static HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void heartbeat(String token) throws Exception {
        send("POST", "/api/presence/heartbeat", token, null);
    }

    static String id(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return m.group(1);
    }

    static long count(Connection c, String sql) throws Exception {
        try (ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    /** Keycloak password-grant tokens of the seeded users (password = user name), fetched again after 4 min (they live 15). */
    static final class Tokens {
        final HttpClient http;
        final String keycloak;
        final Map<String, String> tokens = new HashMap<>();
        final Map<String, Long> fetched = new HashMap<>();

        Tokens(HttpClient http, String keycloak) {
            this.http = http;
            this.keycloak = keycloak;
        }

        synchronized String get(String user) throws Exception {
            Long at = fetched.get(user);
            if (at == null || System.nanoTime() - at > TimeUnit.MINUTES.toNanos(4)) {
                refresh(user);
            }
            return tokens.get(user);
        }

        synchronized void refresh(String user) throws Exception {
            String form = "grant_type=password&client_id=portal&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
            String body = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/convene/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no token for " + user + ": " + body);
            }
            tokens.put(user, m.group(1));
            fetched.put(user, System.nanoTime());
        }
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
