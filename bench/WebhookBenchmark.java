import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook benchmark (run by bench/webhook-benchmark.sh against a Convene whose token issuer is
 * this program: it serves a JWKS and signs an admin's RS256 token, so no Keycloak runs).
 *
 * <p>Loopback receivers (JDK HttpServer) verify every signature (an HMAC computed here, not the
 * app's signer), answer 500 to the first attempt of 10 % of the (webhook, webhook-id) pairs — a
 * CRC of the pair, so deterministic; {@code --fail-percent} changes the share — and 200 otherwise, and record each pair's arrivals. The
 * events, paced (open loop) at RATE / WEBHOOKS per second, are {@code meeting.updated} events of
 * real meetings, each fanned out to WEBHOOKS webhooks (half org-wide, half the meeting owner's
 * own): by default a bench-only JDBC insert of the outbox row EventOutbox writes ({@code
 * --source outbox}: the cheapest source, the relay finds it on its poll), or real API calls
 * ({@code --source api}: {@code PATCH /api/meetings/{id}} with a new title). Commit time = the
 * outbox row's {@code occurred_at}.
 *
 * <p>Same-run baselines, at the same rates: the event source alone (no webhook registered) and
 * a plain HTTP client posting signed bodies to the same receivers; and the CPU each phase cost.
 * Not a test: numbers go to docs/benchmarks.md.
 */
public class WebhookBenchmark {

    static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    static final Pattern ID = Pattern.compile("\"(?:id|meetingId)\":\"([^\"]+)\"");
    static final Pattern SECRET = Pattern.compile("\"secret\":\"([^\"]+)\"");
    static final Pattern CREATED = Pattern.compile("\"createdAt\":\"([^\"]+)\"");

    /** One (webhook, webhook-id) pair as the receivers saw it. */
    static final class Pair {
        final int hook;
        final String messageId;
        int arrivals;
        boolean failedFirst;
        long firstMicros;
        long retryMicros;

        Pair(int hook, String messageId) {
            this.hook = hook;
            this.messageId = messageId;
        }
    }

    static final Map<String, Pair> pairs = new ConcurrentHashMap<>();
    static final AtomicLong badSignatures = new AtomicLong();
    static final ConcurrentLinkedQueue<Long> baselineMicros = new ConcurrentLinkedQueue<>();
    static volatile byte[][] hookKeys = new byte[0][];

    public static void main(String[] args) throws Exception {
        int apiPort = Integer.parseInt(arg(args, "--api-port", "28080"));
        int issuerPort = Integer.parseInt(arg(args, "--issuer-port", "28190"));
        int receiverPort = Integer.parseInt(arg(args, "--receiver-port", "28191"));
        int receivers = Integer.parseInt(arg(args, "--receivers", "2"));
        String db = arg(args, "--db", "jdbc:postgresql://127.0.0.1:25433/postgres");
        int seconds = Integer.parseInt(arg(args, "--seconds", "60"));
        int baselineSeconds = Integer.parseInt(arg(args, "--baseline-seconds", "20"));
        double rate = Double.parseDouble(arg(args, "--rate", "300"));
        int webhooks = Integer.parseInt(arg(args, "--webhooks", "10"));
        int meetings = Integer.parseInt(arg(args, "--meetings", "50"));
        int drainSeconds = Integer.parseInt(arg(args, "--drain", "120"));
        double eventRate = rate / webhooks;
        failPercent = Integer.parseInt(arg(args, "--fail-percent", "10"));
        String source = arg(args, "--source", "outbox");
        if (!source.equals("outbox") && !source.equals("api")) {
            throw new IllegalArgumentException("--source outbox|api");
        }
        long appPid = Long.parseLong(arg(args, "--app-pid", "0"));
        String pgPidFile = arg(args, "--pg-pid-file", "");
        String api = "http://127.0.0.1:" + apiPort;
        System.setProperty("sun.net.httpserver.nodelay", "true"); // no Nagle delay on the receivers' answers

        String issuer = "http://127.0.0.1:" + issuerPort + "/realms/bench";
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", issuerPort), 0);
        byte[] keySet = jwks((RSAPublicKey) keys.getPublic()).getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/realms/bench/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            exchange.getResponseBody().write(keySet);
            exchange.close();
        });
        jwks.start();
        String token = token(keys, issuer, "bench-admin", System.currentTimeMillis() / 1000 + 7200);

        List<HttpServer> servers = new ArrayList<>();
        for (int r = 0; r < receivers; r++) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", receiverPort + r), 256);
            server.createContext("/", WebhookBenchmark::receive);
            server.setExecutor(Executors.newFixedThreadPool(32));
            server.start();
            servers.add(server);
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String[] meetingIds = new String[meetings];
        for (int i = 0; i < meetings; i++) {
            HttpResponse<String> created = call(http, "POST", api + "/api/meetings", token,
                    "{\"title\":\"bench " + i + "\",\"startTime\":\"" + Instant.now().plus(Duration.ofDays(2))
                            + "\",\"durationMinutes\":30}");
            require(created, 201, "create meeting");
            meetingIds[i] = first(ID, created.body());
        }
        System.err.printf("bench: %d meetings created; offered load %.0f deliveries/s = %.1f events/s x %d webhooks, "
                + "events from %s%n", meetings, rate, eventRate, webhooks, source);
        // the events: PATCH /api/meetings/{id} (the real path: the API writes the change and its
        // event), or a bench-only insert of the same outbox row (what EventOutbox writes) — the
        // cheapest source, so that the machine's CPU goes to the webhooks; the relay finds such a
        // row on its poll (convene.events.poll-interval), as it finds another node's commits
        int eventThreads = source.equals("api") ? 32 : 8;
        BlockingQueue<Connection> outbox = new LinkedBlockingQueue<>();
        for (int c = 0; source.equals("outbox") && c < eventThreads; c++) {
            outbox.add(DriverManager.getConnection(db, "postgres", "postgres"));
        }
        Task event = source.equals("api") ? (i, due) -> patch(http, api, token, meetingIds, i, due)
                : (i, due) -> {
                    Connection c = outbox.take();
                    try {
                        return insertEvent(c, meetingIds, i, due);
                    } finally {
                        outbox.add(c);
                    }
                };
        String eventPath = source.equals("api") ? "API `PATCH /api/meetings/{id}`" : "outbox insert (JDBC, bench-only)";

        // warm-up of the event path (JIT), no webhook registered yet
        pace("warm-up", eventRate, Math.max(5, baselineSeconds / 2), eventThreads, event);
        String load0 = loadAverage();
        Cpu cpu0 = Cpu.now(appPid, pgPidFile);
        Paced apiAlone = pace(eventPath + " alone (no webhook)", eventRate, baselineSeconds, eventThreads, event);
        String load1 = loadAverage();
        Cpu cpu1 = Cpu.now(appPid, pgPidFile);

        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        pace("warm-up", rate, Math.max(5, baselineSeconds / 2), 32, (i, due) -> post(plain, receiverPort + (int) (i % receivers), i, due));
        baselineMicros.clear();
        Cpu cpu2 = Cpu.now(appPid, pgPidFile);
        Paced receiverAlone = pace("receiver round trip (plain HTTP client)", rate, baselineSeconds, 32,
                (i, due) -> post(plain, receiverPort + (int) (i % receivers), i, due));
        String load2 = loadAverage();
        Cpu cpu3 = Cpu.now(appPid, pgPidFile);

        // the webhooks: even ones org-wide, odd ones the owner's own (they see the meetings they own)
        byte[][] keysByHook = new byte[webhooks][];
        Map<UUID, Integer> hookOf = new HashMap<>();
        Instant registered = Instant.EPOCH;
        for (int n = 0; n < webhooks; n++) {
            String url = "http://127.0.0.1:" + (receiverPort + n % receivers) + "/hook/" + n;
            HttpResponse<String> created = call(http, "POST", api + "/api/webhooks", token, "{\"url\":\"" + url
                    + "\",\"eventTypes\":[\"meeting.updated\"],\"description\":\"bench " + n + "\",\"orgWide\":"
                    + (n % 2 == 0) + "}");
            require(created, 201, "register webhook " + url);
            keysByHook[n] = Base64.getDecoder().decode(first(SECRET, created.body()).substring("whsec_".length()));
            hookOf.put(UUID.fromString(first(ID, created.body())), n);
            Instant createdAt = Instant.parse(first(CREATED, created.body()));
            registered = createdAt.isAfter(registered) ? createdAt : registered;
        }
        hookKeys = keysByHook;
        TimeUnit.SECONDS.sleep(1);

        Cpu cpu4 = Cpu.now(appPid, pgPidFile);
        long loadStartMicros = micros(Instant.now());
        Paced withWebhooks = pace(eventPath + " with webhooks", eventRate, seconds, eventThreads, event);
        long loadEndMicros = micros(Instant.now());
        String load3 = loadAverage();

        // the events written, from the outbox: every one owes one first attempt to every webhook
        List<Event> events = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres");
             PreparedStatement q = c.prepareStatement(
                     "select event_id, occurred_at from outbox_event where type = 'meeting.updated' and occurred_at >= ?")) {
            q.setTimestamp(1, Timestamp.from(registered));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(rs.getObject(1, UUID.class), micros(rs.getTimestamp(2).toInstant())));
                }
            }
        }
        long expected = (long) events.size() * webhooks;
        long expectedRetries = events.stream().mapToLong(e -> {
            long failing = 0;
            for (int n = 0; n < webhooks; n++) {
                failing += failing(n + "|msg_" + e.id()) ? 1 : 0;
            }
            return failing;
        }).sum();
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (System.nanoTime() < drainUntil && (firstAttempts() < expected || retries() < expectedRetries)) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        Cpu cpu5 = Cpu.now(appPid, pgPidFile);
        System.err.printf("bench: drained: %d of %d first attempts, %d of %d retries%n", firstAttempts(), expected,
                retries(), expectedRetries);

        // what the receivers saw, pair by pair
        long lost = 0;
        long[] commitToFirst = new long[(int) expected];
        int measured = 0;
        long lastFirst = 0;
        long firstCommit = events.stream().mapToLong(Event::occurredMicros).min().orElse(0);
        for (Event e : events) {
            for (int n = 0; n < webhooks; n++) {
                Pair p = pairs.get(n + "|msg_" + e.id());
                if (p == null) {
                    lost++;
                    continue;
                }
                commitToFirst[measured++] = p.firstMicros - e.occurredMicros();
                lastFirst = Math.max(lastFirst, p.firstMicros);
            }
        }
        long[] latencies = Arrays.copyOf(commitToFirst, measured);
        Arrays.sort(latencies);
        long onlyOnce = 0;
        long extra = 0;
        long retried = 0;
        long failedFirsts = 0;
        List<Long> retryDelays = new ArrayList<>();
        long[] perSecond = new long[seconds + 1];
        long inWindow = 0;
        for (Pair p : pairs.values()) {
            int allowed = p.failedFirst ? 2 : 1;
            if (p.arrivals <= allowed) {
                onlyOnce++;
            } else {
                extra += p.arrivals - allowed;
            }
            if (p.failedFirst) {
                failedFirsts++;
                if (p.arrivals >= 2) {
                    retried++;
                    retryDelays.add(p.retryMicros - p.firstMicros);
                }
            }
            if (p.firstMicros >= loadStartMicros && p.firstMicros <= loadEndMicros) {
                inWindow++;
                perSecond[(int) Math.min(seconds, (p.firstMicros - loadStartMicros) / 1_000_000)]++;
            }
        }
        long unexpected = pairs.size() - (expected - lost);
        long[] steady = Arrays.copyOfRange(perSecond, Math.min(2, seconds), Math.max(Math.min(2, seconds), seconds));
        Arrays.sort(steady);
        long[] delays = retryDelays.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] baseline = baselineMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        double windowSeconds = (loadEndMicros - loadStartMicros) / 1e6;

        Map<String, long[]> breakdown = breakdown(db, hookOf, registered);

        for (HttpServer server : servers) {
            server.stop(0);
        }
        jwks.stop(0);

        System.out.println();
        System.out.printf("offered: %.1f events/s x %d webhooks = %.0f deliveries/s for %d s; events from: %s; "
                + "%d events committed (%d failed), %d deliveries expected; receivers answer 500 to %d %% of first attempts%n",
                eventRate, webhooks, rate, seconds, eventPath, events.size(), withWebhooks.failed(), expected, failPercent);
        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        System.out.printf("| first attempts received during the %.1f s of load | %d = **%.1f/s** (1-s buckets: min %d, median %d) |%n",
                windowSeconds, inWindow, inWindow / windowSeconds, steady.length == 0 ? 0 : steady[0],
                steady.length == 0 ? 0 : steady[steady.length / 2]);
        System.out.printf("| last first attempt after the end of the load | %.2f s |%n",
                Math.max(0, lastFirst - loadEndMicros) / 1e6);
        System.out.printf("| all first attempts, first commit → last first attempt | %d in %.1f s = **%.1f/s** |%n",
                measured, (lastFirst - firstCommit) / 1e6, measured / ((lastFirst - firstCommit) / 1e6));
        System.out.printf("| lost (expected − received) | **%d** of %d |%n", lost, expected);
        System.out.printf("| pairs with exactly one first attempt (and at most the one retry owed) | %d of %d; extra arrivals: **%d**; unexpected pairs: %d |%n",
                onlyOnce, pairs.size(), extra, unexpected);
        System.out.printf("| bad signatures | %d |%n", badSignatures.get());
        System.out.printf("| commit → first attempt received, p50 / p95 / p99 / max | %s |%n", quantiles(latencies));
        System.out.printf("| first attempts answered 500 → retries received | %d → %d (expected %d) |%n", failedFirsts,
                retried, expectedRetries);
        System.out.printf("| first attempt → retry received, p50 / p95 / p99 / max | %s |%n", quantiles(delays));
        for (Map.Entry<String, long[]> b : breakdown.entrySet()) {
            System.out.printf("| %s, p50 / p95 / p99 / max | %s |%n", b.getKey(), quantiles(b.getValue()));
        }
        System.out.println();
        System.out.println("Same-run baselines (same machine, same rates):");
        System.out.println();
        System.out.println("| path | rate offered → done | failed | p50 / p95 / p99 / max | ratio p95 |");
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| receiver round trip, plain HTTP client (send → receiver) | %.0f/s → %.1f/s | %d | %s | 1 |%n",
                rate, receiverAlone.done() / receiverAlone.seconds(), receiverAlone.failed(), quantiles(baseline));
        System.out.printf("| webhooks (commit → first attempt received) | %.0f/s → %.1f/s | %d lost | %s | %.1f× |%n",
                rate, inWindow / windowSeconds, lost, quantiles(latencies), ratio(latencies, baseline));
        System.out.printf("| %s, no webhook | %.1f/s → %.1f/s | %d | %s | 1 |%n", eventPath,
                eventRate, apiAlone.done() / apiAlone.seconds(), apiAlone.failed(), quantiles(apiAlone.micros()));
        System.out.printf("| %s, with %d webhooks | %.1f/s → %.1f/s | %d | %s | %.2f× |%n", eventPath,
                webhooks, eventRate, withWebhooks.done() / withWebhooks.seconds(), withWebhooks.failed(),
                quantiles(withWebhooks.micros()), ratio(withWebhooks.micros(), apiAlone.micros()));
        System.out.println();
        System.out.printf("load average (1 min) at: event source baseline start %s, end %s; receiver baseline end %s; webhook load end %s%n",
                load0, load1, load2, load3);
        System.out.println();
        System.out.println("CPU used (seconds of one core; /proc): what each phase cost, whatever else ran on the machine");
        System.out.println();
        System.out.println("| phase | wall s | Convene JVM | PostgreSQL | load client + receivers | per unit (all three) |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.println(cpu0.row(eventPath + " alone", cpu1, apiAlone.done(), "event"));
        System.out.println(cpu2.row("receiver round trip, plain client", cpu3, receiverAlone.done(), "request"));
        System.out.println(cpu4.row("webhooks: load + drain (first attempts, retries)", cpu5, expected, "delivery"));
        System.out.printf("throughput ratio webhooks / receiver baseline: %.2f%n",
                (inWindow / windowSeconds) / (receiverAlone.done() / receiverAlone.seconds()));
        boolean met = failPercent >= 10 && inWindow / windowSeconds >= 300 * 0.98 && lost == 0 && extra == 0 && badSignatures.get() == 0;
        System.out.println("target (≥ 300 deliveries/s for 60 s, 10 % answering 500, zero loss, zero duplicate first attempts): "
                + (met && seconds >= 60 ? "MET" : "NOT MET"));
        System.exit(0); // the receivers' and clients' pools are not daemons
    }

    record Event(UUID id, long occurredMicros) {}

    /** CPU seconds so far of the Convene JVM, its PostgreSQL (postmaster, reaped and live backends) and this client. */
    record Cpu(long wallNanos, double app, double postgres, double client) {
        static Cpu now(long appPid, String pgPidFile) {
            double pg = 0;
            try {
                if (!pgPidFile.isEmpty()) {
                    long postmaster = Long.parseLong(Files.readAllLines(Path.of(pgPidFile)).get(0).trim());
                    pg = ticks(postmaster, true);
                    try (var procs = Files.list(Path.of("/proc"))) {
                        for (Path proc : (Iterable<Path>) procs::iterator) {
                            String name = proc.getFileName().toString();
                            if (name.chars().allMatch(Character::isDigit) && parentOf(Long.parseLong(name)) == postmaster) {
                                pg += ticks(Long.parseLong(name), false);
                            }
                        }
                    }
                }
            } catch (Exception e) {
                pg = Double.NaN;
            }
            double client = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
            return new Cpu(System.nanoTime(), appPid == 0 ? Double.NaN : ticks(appPid, false), pg, client);
        }

        String row(String phase, Cpu end, long units, String unit) {
            double wall = (end.wallNanos - wallNanos) / 1e9;
            double a = end.app - app;
            double p = end.postgres - postgres;
            double c = end.client - client;
            return String.format("| %s | %.1f | %.1f (%.2f cores) | %.1f (%.2f cores) | %.1f (%.2f cores) | %.2f ms per %s (JVM %.2f) |",
                    phase, wall, a, a / wall, p, p / wall, c, c / wall, (a + p + c) * 1000 / units, unit, a * 1000 / units);
        }

        /** utime + stime (+ the reaped children's when asked), in seconds; /proc counts in 1/100 s. */
        static double ticks(long pid, boolean children) {
            try {
                String[] f = stat(pid);
                double t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                if (children) {
                    t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                }
                return t / 100.0;
            } catch (Exception e) {
                return 0;
            }
        }

        static long parentOf(long pid) {
            try {
                return Long.parseLong(stat(pid)[1]);
            } catch (Exception e) {
                return -1;
            }
        }

        /** The fields after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime. */
        static String[] stat(long pid) throws Exception {
            String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        }
    }

    static long firstAttempts() {
        return pairs.size();
    }

    static long retries() {
        return pairs.values().stream().filter(p -> p.failedFirst && p.arrivals >= 2).count();
    }

    /** The receivers: verify, decide 500 or 200, record. */
    static void receive(HttpExchange exchange) {
        try {
            long nowMicros = micros(Instant.now());
            long nowNanos = System.nanoTime();
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Headers h = exchange.getRequestHeaders();
            String id = h.getFirst("webhook-id");
            String timestamp = h.getFirst("webhook-timestamp");
            String signature = h.getFirst("webhook-signature");
            int status = 200;
            if (path.startsWith("/baseline")) {
                if (!verifies(BASELINE_KEY, id, timestamp, body, signature)) {
                    badSignatures.incrementAndGet();
                }
                baselineMicros.add((nowNanos - Long.parseLong(h.getFirst("x-bench-due"))) / 1000);
                status = failing("b|" + id) ? 500 : 200;
            } else if (path.startsWith("/hook/")) {
                int hook = Integer.parseInt(path.substring("/hook/".length()));
                if (!verifies(hookKeys[hook], id, timestamp, body, signature)) {
                    badSignatures.incrementAndGet();
                }
                String key = hook + "|" + id;
                Pair p = pairs.computeIfAbsent(key, k -> new Pair(hook, id));
                synchronized (p) {
                    p.arrivals++;
                    if (p.arrivals == 1) {
                        p.firstMicros = nowMicros;
                        p.failedFirst = failing(key);
                        status = p.failedFirst ? 500 : 200;
                    } else if (p.arrivals == 2) {
                        p.retryMicros = nowMicros;
                    }
                }
            } else {
                status = 404;
            }
            exchange.sendResponseHeaders(status, -1);
        } catch (Exception e) {
            System.err.println("bench: receiver: " + e);
            try {
                exchange.sendResponseHeaders(400, -1);
            } catch (Exception ignored) {
                // the answer could not be sent
            }
        } finally {
            exchange.close();
        }
    }

    static final byte[] BASELINE_KEY = new byte[32];
    static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    /** Standard Webhooks v1, written here: HMAC-SHA256 over id.timestamp.body; any of the space-separated signatures. */
    static boolean verifies(byte[] key, String id, String timestamp, byte[] body, String header) throws Exception {
        if (key == null || id == null || timestamp == null || header == null) {
            return false;
        }
        byte[] expected = sign(key, id, timestamp, body);
        for (String candidate : header.split(" ")) {
            if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected,
                    Base64.getDecoder().decode(candidate.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    static byte[] sign(byte[] key, String id, String timestamp, byte[] body) throws Exception {
        Mac mac = MACS.get();
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return mac.doFinal(body);
    }

    /** FAIL_PERCENT % of the pairs (10 unless told), deterministically: the CRC32 of "webhook|webhook-id". */
    static boolean failing(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 100 < failPercent;
    }

    static volatile int failPercent = 10;

    /** The app's own timestamps, per delivery: where the time between commit and first attempt goes. */
    static Map<String, long[]> breakdown(String db, Map<UUID, Integer> hookOf, Instant since) throws Exception {
        Map<String, long[]> result = new java.util.LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres")) {
            result.put("commit → Kafka acknowledged (outbox published_at)", column(c, """
                    select extract(epoch from published_at - occurred_at) * 1000000 from outbox_event
                    where type = 'meeting.updated' and occurred_at >= ? and published_at is not null""", since));
            result.put("commit → delivery row written (consumer + dispatch)", column(c, """
                    select extract(epoch from d.created_at - e.occurred_at) * 1000000
                    from webhook_delivery d join outbox_event e on e.event_id = d.event_id where e.occurred_at >= ?""", since));
            result.put("commit → first attempt answered (app's attempt log)", column(c, """
                    select extract(epoch from a.attempted_at - e.occurred_at) * 1000000 from webhook_attempt a
                    join webhook_delivery d on d.id = a.delivery_id join outbox_event e on e.event_id = d.event_id
                    where a.number = 1 and e.occurred_at >= ?""", since));
            result.put("first attempt's HTTP duration (app's attempt log)", column(c, """
                    select a.duration_ms * 1000 from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id
                    join outbox_event e on e.event_id = d.event_id where a.number = 1 and e.occurred_at >= ?""", since));
            try (PreparedStatement q = c.prepareStatement("""
                    select d.state, count(*) from webhook_delivery d join outbox_event e on e.event_id = d.event_id
                    where e.occurred_at >= ? group by d.state order by d.state""")) {
                q.setTimestamp(1, Timestamp.from(since));
                StringBuilder states = new StringBuilder();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        states.append(rs.getString(1)).append(' ').append(rs.getLong(2)).append("; ");
                    }
                }
                System.err.println("bench: delivery log states: " + states);
            }
        }
        return result;
    }

    static long[] column(Connection c, String sql, Instant since) throws Exception {
        List<Long> values = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getLong(1));
                }
            }
        }
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    interface Task {
        boolean run(long index, long dueNanos) throws Exception;
    }

    record Paced(String name, long done, long failed, double seconds, long[] micros) {}

    static final ConcurrentLinkedQueue<Long> apiMicros = new ConcurrentLinkedQueue<>();

    /**
     * Open loop: request i is due at start + i / perSecond whether or not the earlier ones have
     * answered; latency counts from the due time (no coordinated omission).
     */
    static Paced pace(String name, double perSecond, int seconds, int threads, Task task) throws Exception {
        apiMicros.clear();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long count = (long) (perSecond * seconds);
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            long index = i;
            pool.execute(() -> {
                try {
                    if (task.run(index, due)) {
                        done.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] micros = apiMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        Paced result = new Paced(name, done.get(), failed.get(), elapsed, micros);
        System.err.printf("bench: %s: %d done, %d failed in %.1f s (%.1f/s)%s%n", name, result.done(), result.failed(),
                elapsed, result.done() / elapsed, micros.length == 0 ? "" : ", p50/p95/p99/max " + quantiles(micros));
        return result;
    }

    static boolean patch(HttpClient http, String api, String token, String[] meetingIds, long i, long due) throws Exception {
        HttpResponse<String> answer = call(http, "PATCH", api + "/api/meetings/" + meetingIds[(int) (i % meetingIds.length)],
                token, "{\"title\":\"bench " + UUID.randomUUID() + "\"}");
        apiMicros.add((System.nanoTime() - due) / 1000);
        return answer.statusCode() == 200;
    }

    /** The row EventOutbox writes for a title change; occurred_at is the insert's time, committed at once. */
    static boolean insertEvent(Connection c, String[] meetingIds, long i, long due) throws Exception {
        String meetingId = meetingIds[(int) (i % meetingIds.length)];
        try (PreparedStatement insert = c.prepareStatement("""
                insert into outbox_event (event_id, type, subject, occurred_at, data)
                values (?, 'meeting.updated', ?, clock_timestamp(), cast(? as jsonb))""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, meetingId);
            insert.setString(3, "{\"meetingId\":\"" + meetingId + "\",\"changes\":{\"title\":\"bench " + i + "\"}}");
            insert.executeUpdate();
        }
        apiMicros.add((System.nanoTime() - due) / 1000);
        return true;
    }

    static boolean post(HttpClient plain, int port, long i, long due) throws Exception {
        String id = "msg_" + UUID.randomUUID();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        byte[] body = ("{\"type\":\"meeting.updated\",\"timestamp\":\"" + Instant.now() + "\",\"data\":{\"meetingId\":\""
                + UUID.randomUUID() + "\",\"changes\":{\"title\":{\"from\":\"bench\",\"to\":\"bench " + i + "\"}}}}")
                .getBytes(StandardCharsets.UTF_8);
        String signature = "v1," + Base64.getEncoder().encodeToString(sign(BASELINE_KEY, id, timestamp, body));
        HttpResponse<Void> answer = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/baseline"))
                .header("webhook-id", id).header("webhook-timestamp", timestamp).header("webhook-signature", signature)
                .header("x-bench-due", Long.toString(due)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
        return answer.statusCode() == 200 || answer.statusCode() == 500;
    }

    static HttpResponse<String> call(HttpClient http, String method, String url, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void require(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(what + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    static String quantiles(long[] sortedMicros) {
        if (sortedMicros.length == 0) {
            return "–";
        }
        return String.format("%s / %s / %s / %s ms", ms(q(sortedMicros, 0.50)), ms(q(sortedMicros, 0.95)),
                ms(q(sortedMicros, 0.99)), ms(sortedMicros[sortedMicros.length - 1]));
    }

    static double ratio(long[] a, long[] b) {
        return a.length == 0 || b.length == 0 ? Double.NaN : (double) q(a, 0.95) / Math.max(1, q(b, 0.95));
    }

    static long q(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))];
    }

    static String ms(long micros) {
        return micros >= 100_000 ? String.format("%.0f", micros / 1000.0) : String.format("%.1f", micros / 1000.0);
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + pattern + " in " + text);
        }
        return m.group(1);
    }

    static String token(KeyPair keys, String issuer, String subject, long exp) throws Exception {
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}");
        String claims = b64("{\"iss\":\"" + issuer + "\",\"aud\":[\"convene-api\"],\"sub\":\"" + subject
                + "\",\"preferred_username\":\"" + subject + "\",\"roles\":[\"admin\"],\"exp\":" + exp + ",\"iat\":"
                + (exp - 7200) + "}");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + B64URL.encodeToString(rsa.sign());
    }

    static String jwks(RSAPublicKey key) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + B64URL.encodeToString(unsigned(key.getModulus())) + "\",\"e\":\""
                + B64URL.encodeToString(unsigned(key.getPublicExponent())) + "\"}]}";
    }

    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static String b64(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
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
