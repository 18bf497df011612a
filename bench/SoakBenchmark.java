import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Soak benchmark (run by bench/soak-benchmark.sh against its own Convene): for SECONDS, a moderate
 * mix through the REST API — instant calls (alice → bob, never answered, timing out on PT30S; every
 * ANSWER_PERCENT-th alice → carol, accepted by carol and ended by alice), meetings whose 15-min
 * reminder falls within the soak (alice invites dave, start = now + 16 min, deleted 90 s after
 * creation so the pending set stays level), presence heartbeats — and an org-wide webhook for every
 * catalogue event to a loopback receiver (JDK HttpServer) that answers 500 to the first attempt of
 * FAIL_PERCENT % of the deliveries (CRC of the webhook-id, so deterministic) and 200 otherwise.
 * Every SAMPLE seconds: row counts of our tables and Camunda's, incidents, unpublished outbox rows
 * and the node's heap used after a full GC (jcmd). At the end: every event published, every
 * webhook delivery received (or retried), every reminder and ring accounted for, and the slope of
 * each line over the second half with a verdict. Not a test: the Markdown goes to docs/benchmarks.md.
 */
public class SoakBenchmark {

    static final String BOB = "b0b00000-0000-4000-8000-000000000002";
    static final String CAROL = "ca201000-0000-4000-8000-000000000003";
    static final String DAVE = "da4e0000-0000-4000-8000-000000000004";
    static final Pattern ID = Pattern.compile("\"(?:meetingId|id)\"\\s*:\\s*\"([^\"]+)\"");

    static HttpClient http;
    static Tokens tokens;
    static String api;
    static int failPercent;
    /** webhook-id → arrivals; and whether its first attempt was answered 500. */
    static final Map<String, int[]> received = new ConcurrentHashMap<>();

    /** What each kind of request did. */
    static final Map<String, AtomicLong> ok = new ConcurrentHashMap<>();
    static final Map<String, AtomicLong> failed = new ConcurrentHashMap<>();
    static final Map<String, String> firstFailure = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        api = arg(args, "--api", "http://127.0.0.1:58080");
        String keycloak = arg(args, "--keycloak", "http://127.0.0.1:58180");
        String db = arg(args, "--db", "jdbc:postgresql://127.0.0.1:55433/postgres");
        int seconds = Integer.parseInt(arg(args, "--seconds", "600"));
        int sampleSeconds = Integer.parseInt(arg(args, "--sample", "30"));
        int receiverPort = Integer.parseInt(arg(args, "--receiver-port", "58090"));
        long appPid = Long.parseLong(arg(args, "--app-pid", "0"));
        double callRate = Double.parseDouble(arg(args, "--call-rate", "2"));
        int answerPercent = Integer.parseInt(arg(args, "--answer-percent", "25"));
        double meetingRate = Double.parseDouble(arg(args, "--meeting-rate", "0.5"));
        double heartbeatRate = Double.parseDouble(arg(args, "--heartbeat-rate", "2"));
        failPercent = Integer.parseInt(arg(args, "--fail-percent", "10"));
        String pgbench = arg(args, "--pgbench", "–");
        double pgbenchTps = Double.parseDouble(arg(args, "--pgbench-tps", "0"));
        String commit = arg(args, "--commit", "?");
        String machine = arg(args, "--machine", "?");
        String loadBefore = loadAverage();

        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        tokens = new Tokens(http, keycloak);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", receiverPort), 256);
        receiver.createContext("/", SoakBenchmark::receive);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.start();
        HttpResponse<String> hook = send("POST", "/api/webhooks", tokens.get("admin"), "{\"url\":\"http://127.0.0.1:" + receiverPort
                + "/hook\",\"eventTypes\":[\"*\"],\"description\":\"soak\",\"orgWide\":true}");
        if (hook.statusCode() != 201) {
            throw new IllegalStateException("webhook not registered: " + hook.statusCode() + " " + hook.body());
        }
        String webhookId = id(hook.body());
        // the catalogue, as the API names it: the types an org-wide "*" webhook receives
        Set<String> catalogue = new java.util.HashSet<>();
        Matcher types = Pattern.compile("\"([a-z.]+)\"").matcher(send("GET", "/api/webhooks/event-types", tokens.get("admin"), null).body());
        while (types.find()) {
            catalogue.add(types.group(1));
        }
        for (String user : List.of("bob", "carol", "dave")) {
            send("POST", "/api/presence/heartbeat", tokens.get(user), null);
        }
        Instant soakStart = Instant.now();
        Instant soakEnd = soakStart.plusSeconds(seconds);
        System.err.printf("bench: soak for %d s from %s: %.1f calls/s (%d %% answered), %.1f meetings/s, %.1f heartbeats/s, webhook %s%n",
                seconds, soakStart, callRate, answerPercent, meetingRate, heartbeatRate, webhookId);

        ScheduledExecutorService later = Executors.newScheduledThreadPool(8);
        List<Thread> loads = new ArrayList<>();
        List<String> remindedMeetings = new ArrayList<>();
        // calls: most time out (bob never answers); every answered one is accepted by carol after 2 s and ended by alice 5 s later
        AtomicInteger callNumber = new AtomicInteger();
        loads.add(open("calls", callRate, soakEnd, () -> {
            int n = callNumber.getAndIncrement();
            boolean answered = n % 100 < answerPercent;
            HttpResponse<String> r = call("call", "POST", "/api/calls/instant", "alice",
                    "{\"participantIds\":[\"" + (answered ? CAROL : BOB) + "\"],\"callType\":\"audio\"}", 201);
            if (r != null && answered) {
                String callId = id(r.body());
                later.schedule(() -> call("accept", "POST", "/api/calls/accept", "carol", "{\"meetingId\":\"" + callId + "\"}", 200),
                        2, TimeUnit.SECONDS);
                later.schedule(() -> call("end", "POST", "/api/calls/" + callId + "/end", "alice", null, 200), 7, TimeUnit.SECONDS);
            }
        }));
        // meetings: the 15-min reminder due 60 s after creation; deleted 90 s after creation
        loads.add(open("meetings", meetingRate, soakEnd, () -> {
            Instant start = Instant.now().plus(16, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
            HttpResponse<String> r = call("meeting", "POST", "/api/meetings", "alice", "{\"title\":\"soak\",\"startTime\":\"" + start
                    + "\",\"participantIds\":[\"" + DAVE + "\"]}", 201);
            if (r != null) {
                String meetingId = id(r.body());
                if (start.minus(15, ChronoUnit.MINUTES).isBefore(soakEnd.minusSeconds(5))) {
                    synchronized (remindedMeetings) {
                        remindedMeetings.add(meetingId);
                    }
                }
                later.schedule(() -> call("delete", "DELETE", "/api/meetings/" + meetingId, "alice", null, 204), 90, TimeUnit.SECONDS);
            }
        }));
        // presence heartbeats, the users in turn
        String[] users = {"bob", "carol", "dave", "alice"};
        AtomicInteger beat = new AtomicInteger();
        loads.add(open("heartbeats", heartbeatRate, soakEnd, () ->
                call("heartbeat", "POST", "/api/presence/heartbeat", users[beat.getAndIncrement() % users.length], null, 200, 204)));

        // samples
        List<String> names = new ArrayList<>(QUERIES.keySet());
        names.add("heap used after GC (MiB)");
        TreeMap<Long, double[]> samples = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres")) {
            long next = 0;
            while (true) {
                long at = Duration.between(soakStart, Instant.now()).toSeconds();
                double[] v = new double[names.size()];
                int i = 0;
                for (String sql : QUERIES.values()) {
                    v[i++] = count(c, sql);
                }
                v[i] = heapMiB(appPid);
                samples.put(at, v);
                System.err.printf("bench: t=%d s %s%n", at, Arrays.toString(v));
                next += sampleSeconds;
                if (next > seconds) {
                    break;
                }
                long wait = Duration.between(Instant.now(), soakStart.plusSeconds(next)).toMillis();
                TimeUnit.MILLISECONDS.sleep(Math.max(0, wait));
            }
            for (Thread t : loads) {
                t.join();
            }
            double elapsed = Duration.between(soakStart, Instant.now()).toMillis() / 1000.0;
            long requests = ok.values().stream().mapToLong(AtomicLong::get).sum();
            long requestsFailed = failed.values().stream().mapToLong(AtomicLong::get).sum();
            long events;
            try (PreparedStatement s = c.prepareStatement("select count(*) from outbox_event where occurred_at >= ?")) {
                s.setTimestamp(1, Timestamp.from(soakStart));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    events = r.getLong(1);
                }
            }

            // the drain: what the soak owes (ring timeouts, deletes, webhook retries, the relay) has up to 3 min
            System.err.println("bench: load stopped; draining ...");
            later.shutdown();
            later.awaitTermination(2, TimeUnit.MINUTES);
            Instant drainDeadline = Instant.now().plusSeconds(180);
            while (Instant.now().isBefore(drainDeadline)) {
                long unpublished = count(c, "select count(*) from outbox_event where published_at is null");
                long open = count(c, "select count(*) from webhook_delivery where state in ('pending', 'retrying')");
                long rung = count(c, "select count(*) from outbox_event where type = 'call.ringing' and data->>'calleeId' = '" + BOB + "'");
                long missed = count(c, "select count(*) from outbox_event where type = 'call.missed' and data->>'calleeId' = '" + BOB + "'");
                if (unpublished == 0 && open == 0 && missed >= rung && owedRetries() == 0) {
                    break;
                }
                TimeUnit.SECONDS.sleep(2);
            }
            TimeUnit.SECONDS.sleep(2);

            // accounting
            long unpublished = count(c, "select count(*) from outbox_event where published_at is null");
            long incidents = count(c, "select count(*) from act_ru_incident");
            long rungBob = count(c, "select count(*) from outbox_event where type = 'call.ringing' and data->>'calleeId' = '" + BOB + "'");
            long missedBob = count(c, "select count(*) from outbox_event where type = 'call.missed' and data->>'calleeId' = '" + BOB + "'");
            long accepted = count(c, "select count(*) from outbox_event where type = 'call.accepted'");
            long reminders = 0;
            long remindersTwice = 0;
            Map<String, Long> reminderEvents = new HashMap<>();
            try (ResultSet r = c.createStatement().executeQuery("select subject, count(*) from outbox_event where type = 'meeting.reminder'"
                    + " and data->>'reminderType' = '15_min_before' group by subject")) {
                while (r.next()) {
                    reminderEvents.put(r.getString(1), r.getLong(2));
                }
            }
            for (String m : remindedMeetings) {
                long n = reminderEvents.getOrDefault(m, 0L);
                reminders += n >= 1 ? 1 : 0;
                remindersTwice += n > 1 ? 1 : 0;
            }
            // webhooks: every catalogue event since the registration has a delivery row, every row's webhook-id reached the receiver
            Map<String, long[]> byType = new TreeMap<>(); // type → {events, delivery rows, received}
            long lost = 0;
            long rowsNotReceived = 0;
            try (PreparedStatement s = c.prepareStatement("""
                    select e.type, d.message_id from outbox_event e
                    left join webhook_delivery d on d.event_id = e.event_id and d.webhook_id = ?::uuid
                    where e.occurred_at >= ?""")) {
                s.setString(1, webhookId);
                s.setTimestamp(2, Timestamp.from(soakStart));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String type = r.getString(1);
                        String message = r.getString(2);
                        long[] t = byType.computeIfAbsent(type, k -> new long[3]);
                        t[0]++;
                        if (message != null) {
                            t[1]++;
                            if (received.containsKey(message)) {
                                t[2]++;
                            } else {
                                rowsNotReceived++;
                            }
                        }
                        if (catalogue.contains(type) && message == null) {
                            lost++;
                        }
                    }
                }
            }
            Map<String, Long> states = new TreeMap<>();
            try (ResultSet r = c.createStatement().executeQuery("select state, count(*) from webhook_delivery group by state")) {
                while (r.next()) {
                    states.put(r.getString(1), r.getLong(2));
                }
            }
            long failedFirst = received.values().stream().filter(a -> a[1] == 1).count();
            long retried = received.values().stream().filter(a -> a[1] == 1 && a[0] >= 2).count();
            long extra = received.values().stream().filter(a -> a[1] == 0 && a[0] > 1).count();
            String loadAfter = loadAverage();

            // output
            System.out.println();
            System.out.println("### Soak (bench/soak-benchmark.sh " + seconds + ")");
            System.out.println();
            System.out.printf("%.1f calls/s (%d %% answered by carol, the rest time out on PT30S), %.1f meetings/s (reminder due 60 s after creation, "
                    + "deleted after 90 s), %.1f REST heartbeats/s, an org-wide webhook for every event (first attempt answered 500 for %d %%).%n",
                    callRate, answerPercent, meetingRate, heartbeatRate, failPercent);
            System.out.println();
            System.out.println("| date | commit | machine | load before → after | seconds | soak: requests/s (failed) | soak: events/s | webhook first attempts/s | baseline: pgbench TPC-B tps, same PostgreSQL | ratio requests/s ÷ tps | incidents | lost events |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
            System.out.printf("| %s | %s | %s | %s → %s | %d | %.1f (%d) | %.1f | %.1f | %.0f (%s) | %.3f | %d | %d |%n",
                    LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE), commit, machine, loadBefore, loadAfter, seconds,
                    requests / elapsed, requestsFailed, events / elapsed, received.size() / elapsed, pgbenchTps, pgbench,
                    requests / elapsed / Math.max(1, pgbenchTps), incidents, lost + rowsNotReceived + (remindedMeetings.size() - reminders)
                            + Math.max(0, rungBob - missedBob) + unpublished);
            System.out.println();
            System.out.println("| requests | ok | failed | first failure |");
            System.out.println("|---|---|---|---|");
            for (String kind : new TreeMap<>(ok).keySet()) {
                System.out.printf("| %s | %d | %d | %s |%n", kind, ok.get(kind).get(), failed.getOrDefault(kind, new AtomicLong()).get(),
                        firstFailure.getOrDefault(kind, "").replace("|", "/"));
            }
            for (String kind : failed.keySet()) {
                if (!ok.containsKey(kind)) {
                    System.out.printf("| %s | 0 | %d | %s |%n", kind, failed.get(kind).get(), firstFailure.getOrDefault(kind, "").replace("|", "/"));
                }
            }

            // the samples and the verdicts
            System.out.println();
            StringBuilder header = new StringBuilder("| line |");
            StringBuilder rule = new StringBuilder("|---|");
            for (long at : samples.keySet()) {
                header.append(" ").append(at).append(" s |");
                rule.append("---|");
            }
            header.append(" kind | slope over the second half (per min) | change over the second half | verdict |");
            rule.append("---|---|---|---|");
            System.out.println(header);
            System.out.println(rule);
            int flat = 0;
            int runtime = 0;
            int runtimeFlat = 0;
            for (int i = 0; i < names.size(); i++) {
                StringBuilder line = new StringBuilder("| " + names.get(i) + " |");
                List<double[]> half = new ArrayList<>();
                for (Map.Entry<Long, double[]> e : samples.entrySet()) {
                    double v = e.getValue()[i];
                    line.append(" ").append(v == Math.rint(v) ? String.format("%.0f", v) : String.format("%.1f", v)).append(" |");
                    if (e.getKey() >= seconds / 2) {
                        half.add(new double[] {e.getKey() / 60.0, v});
                    }
                }
                double slope = slope(half);
                double change = slope * (seconds / 2.0) / 60;
                double mean = half.stream().mapToDouble(p -> p[1]).average().orElse(0);
                boolean heap = names.get(i).startsWith("heap");
                boolean mustBeZero = names.get(i).startsWith("incidents") || names.get(i).startsWith("outbox unpublished");
                double tolerance = mustBeZero ? 0 : Math.max(0.05 * mean, heap ? 16 : 20);
                String verdict;
                if (mustBeZero) {
                    boolean zero = half.stream().allMatch(p -> p[1] == 0) || names.get(i).startsWith("outbox unpublished") && mean < 50;
                    verdict = zero ? (names.get(i).startsWith("incidents") ? "none" : "keeps up (< 50 waiting)") : "NOT OK";
                    flat += zero ? 1 : 0;
                } else if (Math.abs(change) <= tolerance) {
                    verdict = String.format("flat (|change| ≤ %.0f)", tolerance);
                    flat++;
                } else {
                    verdict = String.format("%s: %+.0f over %d s (tolerance %.0f)%s", change > 0 ? "GROWS" : "shrinks", change, seconds / 2,
                            tolerance, change > 0 ? String.format(", %+.0f per day", slope * 60 * 24) : "");
                }
                boolean isRuntime = "runtime".equals(KINDS.get(names.get(i)));
                boolean ok = verdict.startsWith("flat") || verdict.startsWith("none") || verdict.startsWith("keeps up");
                runtime += isRuntime ? 1 : 0;
                runtimeFlat += isRuntime && ok ? 1 : 0;
                line.append(String.format(" %s | %+.1f | %+.0f | %s |", KINDS.get(names.get(i)), slope, change, verdict));
                System.out.println(line);
            }
            System.out.println();
            System.out.printf("""
                    | accounting | |
                    |---|---|
                    | outbox events not published | %d |
                    | incidents (ACT_RU_INCIDENT) | %d |
                    | rings to bob timed out | %d of %d (call.missed / call.ringing) |
                    | calls accepted by carol | %d |
                    | 15-min reminders due in the soak sent (a `meeting.reminder` event) | %d of %d (%d more than once) |
                    | webhook: catalogue events without a delivery row | %d |
                    | webhook: delivery rows whose webhook-id never reached the receiver | %d |
                    | webhook: first attempts answered 500 / retried after it / a second first attempt | %d / %d / %d |
                    | webhook deliveries by state | %s |
                    """, unpublished, incidents, missedBob, rungBob, accepted, reminders, remindedMeetings.size(), remindersTwice,
                    lost, rowsNotReceived, failedFirst, retried, extra, states);
            System.out.println();
            System.out.println("| event type (since the soak began) | events | delivery rows | received |");
            System.out.println("|---|---|---|---|");
            for (Map.Entry<String, long[]> e : byType.entrySet()) {
                System.out.printf("| %s%s | %d | %d | %d |%n", e.getKey(), catalogue.contains(e.getKey()) ? "" : " (not in the catalogue)",
                        e.getValue()[0], e.getValue()[1], e.getValue()[2]);
            }
            System.out.println();
            System.out.println("A line kept for a retention period longer than the soak (history, the webhook log) cannot level off"
                    + " within it; its per-day growth at this rate is what that retention must hold.");
            System.out.println();
            System.out.printf("Verdict: %d of %d runtime lines flat or clean (%d of %d lines in all); %s.%n", runtimeFlat, runtime, flat, names.size(),
                    lost + rowsNotReceived == 0 && unpublished == 0 && reminders == remindedMeetings.size() && missedBob >= rungBob
                            ? "no event lost" : "EVENTS LOST OR OWED (see the accounting)");
        }
        receiver.stop(0);
        System.exit(0);
    }

    static final Map<String, String> QUERIES = new LinkedHashMap<>();

    /** What each line is: runtime state must stay level; rows kept for a retention period grow until it is reached. */
    static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        line("outbox_event", "select count(*) from outbox_event", "log: published rows stay");
        line("outbox unpublished", "select count(*) from outbox_event where published_at is null", "runtime");
        line("notification", "select count(*) from notification", "per user, removed with its meeting or call");
        line("meeting (meetings and calls)", "select count(*) from meeting", "runtime");
        line("webhook_delivery", "select count(*) from webhook_delivery", "retained (P30D sweep)");
        line("webhook_attempt", "select count(*) from webhook_attempt", "retained (P30D sweep)");
        line("presence", "select count(*) from presence", "runtime");
        line("presence_connection", "select count(*) from presence_connection", "runtime");
        line("ACT_RU_JOB", "select count(*) from act_ru_job", "runtime");
        line("ACT_RU_EXECUTION", "select count(*) from act_ru_execution", "runtime");
        line("ACT_HI_PROCINST", "select count(*) from act_hi_procinst", "history (TTL P7D–P30D per process)");
        line("ACT_HI_ACTINST", "select count(*) from act_hi_actinst", "history (TTL P7D–P30D per process)");
        line("ACT_HI_JOB_LOG", "select count(*) from act_hi_job_log", "history (TTL P7D–P30D per process)");
        line("ACT_HI_VARINST", "select count(*) from act_hi_varinst", "history (TTL P7D–P30D per process)");
        line("ACT_HI_DETAIL", "select count(*) from act_hi_detail", "history (TTL P7D–P30D per process)");
        line("incidents (ACT_RU_INCIDENT)", "select count(*) from act_ru_incident", "runtime");
        KINDS.put("heap used after GC (MiB)", "runtime");
    }

    static void line(String name, String sql, String kind) {
        QUERIES.put(name, sql);
        KINDS.put(name, kind);
    }

    /** Least-squares slope of (minute, value) points. */
    static double slope(List<double[]> points) {
        int n = points.size();
        if (n < 2) {
            return 0;
        }
        double mx = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double my = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double num = 0;
        double den = 0;
        for (double[] p : points) {
            num += (p[0] - mx) * (p[1] - my);
            den += (p[0] - mx) * (p[0] - mx);
        }
        return den == 0 ? 0 : num / den;
    }

    /** Deliveries whose first attempt got a 500 and whose retry has not arrived yet. */
    static long owedRetries() {
        return received.values().stream().filter(a -> a[1] == 1 && a[0] < 2).count();
    }

    static void receive(HttpExchange exchange) {
        try {
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            int status = 400;
            if (id != null) {
                int[] a = received.computeIfAbsent(id, k -> new int[2]);
                synchronized (a) {
                    a[0]++;
                    if (a[0] == 1) {
                        CRC32 crc = new CRC32();
                        crc.update(id.getBytes(StandardCharsets.UTF_8));
                        a[1] = crc.getValue() % 100 < failPercent ? 1 : 0;
                        status = a[1] == 1 ? 500 : 200;
                    } else {
                        status = 200;
                    }
                }
            }
            exchange.sendResponseHeaders(status, -1);
        } catch (Exception e) {
            System.err.println("bench: receiver: " + e);
        } finally {
            exchange.close();
        }
    }

    /** Heap used after a full GC, MiB (jcmd GC.run, then GC.heap_info). */
    static double heapMiB(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
            Process p = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            Matcher m = Pattern.compile("used (\\d+)K").matcher(out);
            return m.find() ? Math.round(Long.parseLong(m.group(1)) / 102.4) / 10.0 : Double.NaN;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    interface Action {
        void run() throws Exception;
    }

    /** Open loop at RATE per second until END, each action on a thread of its own pool (so a slow one delays none). */
    static Thread open(String name, double rate, Instant end, Action action) {
        Thread t = new Thread(() -> {
            var pool = Executors.newFixedThreadPool(8);
            long begin = System.nanoTime();
            for (long i = 0; Instant.now().isBefore(end); i++) {
                long due = begin + (long) (i * 1e9 / rate);
                try {
                    TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
                } catch (InterruptedException e) {
                    break;
                }
                pool.submit(() -> {
                    try {
                        action.run();
                    } catch (Exception e) {
                        failed.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
                        firstFailure.putIfAbsent(name, e.toString());
                    }
                    return null;
                });
            }
            pool.shutdown();
            try {
                pool.awaitTermination(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                // the soak is over
            }
        }, name);
        t.start();
        return t;
    }

    /** One request as USER; counted ok when its status is one of EXPECTED. */
    static HttpResponse<String> call(String kind, String method, String path, String user, String json, int... expected) {
        try {
            HttpResponse<String> r = send(method, path, tokens.get(user), json);
            for (int e : expected) {
                if (r.statusCode() == e) {
                    ok.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
                    return r;
                }
            }
            failed.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            firstFailure.putIfAbsent(kind, r.statusCode() + " " + r.body().substring(0, Math.min(160, r.body().length())));
        } catch (Exception e) {
            failed.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            firstFailure.putIfAbsent(kind, e.toString());
        }
        return null;
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
            return tokens.get(user);
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
