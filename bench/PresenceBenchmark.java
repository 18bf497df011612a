import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Presence benchmark (run by bench/presence-benchmark.sh against a Convene whose issuer is
 * this program): N distinct users' heartbeats ({@code POST /api/presence/heartbeat}) against
 * the no-op {@code GET /api/me} (token check + the caller as JSON, no database) in the same
 * run, same connections, same token checks. Serves its own JWKS on loopback and signs one
 * RS256 token per user, so 100k users need no Keycloak. Closed loop: C client threads, each
 * with one keep-alive connection. Not a test: numbers go to docs/benchmarks.md.
 */
public class PresenceBenchmark {

    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public static void main(String[] args) throws Exception {
        int apiPort = Integer.parseInt(arg(args, "--api-port", "18080"));
        int issuerPort = Integer.parseInt(arg(args, "--issuer-port", "18190"));
        String db = arg(args, "--db", "jdbc:postgresql://127.0.0.1:15433/postgres");
        int users = Integer.parseInt(arg(args, "--users", "100000"));
        int seconds = Integer.parseInt(arg(args, "--seconds", "30"));
        int threads = Integer.parseInt(arg(args, "--threads", "16"));
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

        long minting = System.nanoTime();
        String[] tokens = new String[users];
        ExecutorService mint = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        long exp = System.currentTimeMillis() / 1000 + 3600;
        for (int t = 0; t < Runtime.getRuntime().availableProcessors(); t++) {
            int first = t;
            int step = Runtime.getRuntime().availableProcessors();
            mint.submit(() -> {
                Signature rsa = Signature.getInstance("SHA256withRSA");
                for (int i = first; i < users; i += step) {
                    tokens[i] = token(rsa, keys, issuer, String.format("bench-user-%06d", i), exp);
                }
                return null;
            });
        }
        mint.shutdown();
        mint.awaitTermination(30, TimeUnit.MINUTES);
        System.err.printf("bench: %d tokens signed in %.1f s%n", users, (System.nanoTime() - minting) / 1e9);

        byte[][] noop = new byte[users][];
        byte[][] heartbeat = new byte[users][];
        for (int i = 0; i < users; i++) {
            noop[i] = request("GET", "/api/me", tokens[i], apiPort);
            heartbeat[i] = request("POST", "/api/presence/heartbeat", tokens[i], apiPort);
        }
        // warm-up: both paths, JIT and the key set cache
        run("warm-up", noop, apiPort, threads, Math.max(5, seconds / 3), 200);
        run("warm-up", heartbeat, apiPort, threads, Math.max(5, seconds / 3), 204);
        Result n = run("noop", noop, apiPort, threads, seconds, 200);
        Result h = run("heartbeat", heartbeat, apiPort, threads, seconds, 204);
        // every user once more so that all of them are present, then count them in the database
        Result all = runOnce(heartbeat, apiPort, threads);
        TimeUnit.SECONDS.sleep(3); // two flush intervals
        long present;
        try (Connection c = DriverManager.getConnection(db, "postgres", "postgres");
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from presence where status = 'online' and last_heartbeat > now() - interval '90 seconds'")) {
            rs.next();
            present = rs.getLong(1);
        }
        jwks.stop(0);

        System.out.println("| endpoint | requests | failed | seconds | requests/s | p50 / p99 / max (ms) |");
        System.out.println("|---|---|---|---|---|---|");
        for (Result r : new Result[] {n, h, all}) {
            System.out.println(r.row());
        }
        System.out.printf("heartbeat/noop throughput ratio: %.2f; p99 heartbeat %.2f ms vs noop %.2f ms%n",
                h.perSecond() / n.perSecond(), h.p(0.99), n.p(0.99));
        System.out.printf("users online in the database after the run: %d of %d%n", present, users);
    }

    record Result(String name, long ok, long failed, double seconds, long[] micros) {
        double perSecond() {
            return ok / seconds;
        }

        double p(double q) {
            return micros.length == 0 ? 0 : micros[Math.min(micros.length - 1, (int) (q * micros.length))] / 1000.0;
        }

        String row() {
            return String.format("| %s | %d | %d | %.1f | %.0f | %.2f / %.2f / %.1f |", name, ok, failed, seconds,
                    perSecond(), p(0.5), p(0.99), micros.length == 0 ? 0 : micros[micros.length - 1] / 1000.0);
        }
    }

    /** Closed loop for {@code seconds}: each thread sends the next user's request as soon as the last answered. */
    static Result run(String name, byte[][] requests, int port, int threads, int seconds, int expected) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        return load(name, requests, port, threads, expected, () -> System.nanoTime() < end, Integer.MAX_VALUE);
    }

    /** Every request once. */
    static Result runOnce(byte[][] requests, int port, int threads) throws Exception {
        return load("heartbeat, all users once", requests, port, threads, 204, () -> true, requests.length);
    }

    interface Go { boolean more(); }

    static Result load(String name, byte[][] requests, int port, int threads, int expected, Go go, int limit)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        long[][] perThread = new long[threads][];
        int[] counts = new int[threads];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int me = t;
            perThread[t] = new long[1 << 16];
            pool.submit(() -> {
                Client client = new Client(port);
                while (go.more()) {
                    int i = next.getAndIncrement();
                    if (i >= limit) {
                        break;
                    }
                    long begin = System.nanoTime();
                    int status;
                    try {
                        status = client.send(requests[i % requests.length]);
                    } catch (IOException e) {
                        status = -1;
                        client.close();
                    }
                    long micros = (System.nanoTime() - begin) / 1000;
                    if (status == expected) {
                        if (counts[me] == perThread[me].length) {
                            perThread[me] = Arrays.copyOf(perThread[me], perThread[me].length * 2);
                        }
                        perThread[me][counts[me]++] = micros;
                    } else {
                        failed.incrementAndGet();
                    }
                }
                client.close();
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        Result result = new Result(name, total, failed.get(), seconds, all);
        System.err.println("bench: " + result.row());
        return result;
    }

    /** HTTP/1.1 over one keep-alive socket, reopened when the server closes it. */
    static final class Client {
        private final int port;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Client(int port) {
            this.port = port;
        }

        int send(byte[] request) throws IOException {
            if (socket == null) {
                socket = new Socket("127.0.0.1", port);
                socket.setTcpNoDelay(true);
                out = socket.getOutputStream();
                in = new BufferedInputStream(socket.getInputStream(), 8192);
            }
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = 0;
            boolean close = false;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    in.skipNBytes(size);
                    line();
                }
                line();
            } else {
                in.skipNBytes(length);
            }
            if (close) {
                close();
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c == -1) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    static byte[] request(String method, String path, String token, int port) {
        return (method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static String token(Signature rsa, KeyPair keys, String issuer, String subject, long exp) throws Exception {
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}");
        String claims = b64("{\"iss\":\"" + issuer + "\",\"aud\":[\"convene-api\"],\"sub\":\"" + subject
                + "\",\"preferred_username\":\"" + subject + "\",\"exp\":" + exp + ",\"iat\":" + (exp - 3600) + "}");
        rsa.initSign(keys.getPrivate());
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + B64.encodeToString(rsa.sign());
    }

    static String jwks(RSAPublicKey key) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                + B64.encodeToString(unsigned(key.getModulus())) + "\",\"e\":\""
                + B64.encodeToString(unsigned(key.getPublicExponent())) + "\"}]}";
    }

    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
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
