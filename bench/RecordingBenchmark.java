import com.sun.net.httpserver.HttpServer;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recording upload benchmark (run by bench/recording-benchmark.sh against a Convene whose token
 * issuer is this program: it serves a JWKS and signs one token of an admin that also holds the
 * realm role recorder, so no Keycloak runs).
 *
 * <p>Per round, one after the other on the same machine and the same s3proxy: the MinIO client
 * straight to the bucket (putObject of each chunk, the app's part size) — the baseline — and the
 * same bytes through the API ({@code PUT /api/meetings/{id}/recording/chunks/{seq}}, which streams
 * them to the same bucket with the same client, computing SHA-256 on the way). Chunks are
 * pseudo-random bytes generated as they are read (the client holds no chunk); the API's checksums
 * are computed in an untimed pass before. During the API phases the node's live heap is sampled
 * after a forced full GC ({@code jcmd GC.run}, then {@code jvm_memory_used_bytes{area="heap"}}).
 */
public class RecordingBenchmark {

    static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    public static void main(String[] args) throws Exception {
        int apiPort = Integer.parseInt(arg(args, "--api-port", "38080"));
        int issuerPort = Integer.parseInt(arg(args, "--issuer-port", "38190"));
        int s3Port = Integer.parseInt(arg(args, "--s3-port", "39000"));
        long chunkBytes = Long.parseLong(arg(args, "--chunk-mib", "64")) << 20;
        int chunks = Integer.parseInt(arg(args, "--chunks", "16"));
        int rounds = Integer.parseInt(arg(args, "--rounds", "2"));
        long partSize = Long.parseLong(arg(args, "--part-mib", "8")) << 20;
        long appPid = Long.parseLong(arg(args, "--app-pid", "0"));
        String api = "http://127.0.0.1:" + apiPort;

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
        String token = token(keys, issuer, "bench-recorder", System.currentTimeMillis() / 1000 + 7200);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        MinioClient minio = MinioClient.builder().endpoint("http://127.0.0.1:" + s3Port)
                .credentials("convene", "convene-local-secret").region("us-east-1").build();
        if (!minio.bucketExists(BucketExistsArgs.builder().bucket("convene").build())) {
            minio.makeBucket(MakeBucketArgs.builder().bucket("convene").region("us-east-1").build());
        }

        List<String> digests = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            digests.add(sha256(new Generated(i, chunkBytes)));
        }
        double total = chunks * chunkBytes / 1e6;
        System.out.printf("%n%d chunks of %d MiB (%.0f MB) per phase, part size %d MiB, %d rounds; load average %s%n%n",
                chunks, chunkBytes >> 20, total, partSize >> 20, rounds, loadAverage());
        System.out.println("| round | phase | seconds | MB/s | load average after |");
        System.out.println("|---|---|---|---|---|");
        List<Double> direct = new ArrayList<>();
        List<Double> through = new ArrayList<>();
        long heapBaseline = appPid > 0 ? liveHeap(http, api, token, appPid) : -1;
        long heapMax = -1;
        int heapSamples = 0;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < chunks; i++) {
                minio.putObject(PutObjectArgs.builder().bucket("convene").object("bench/direct/" + round + "/chunk-" + i)
                        .stream(new Generated(i, chunkBytes), chunkBytes, partSize).contentType("video/webm").build());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            direct.add(total / seconds);
            System.out.printf("| %d | MinIO client → s3proxy | %.1f | %.1f | %s |%n", round, seconds, total / seconds, loadAverage());

            String meetingId = createMeeting(http, api, token, round);
            AtomicBoolean uploading = new AtomicBoolean(true);
            long[] max = {-1};
            int[] samples = {0};
            Thread sampler = new Thread(() -> {
                while (uploading.get() && appPid > 0) {
                    try {
                        max[0] = Math.max(max[0], liveHeap(http, api, token, appPid));
                        samples[0]++;
                        Thread.sleep(2000);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            sampler.start();
            start = System.nanoTime();
            for (int i = 0; i < chunks; i++) {
                // HttpURLConnection, fixed length, 64 KB writes: a plain streaming client (the JDK
                // HttpClient's InputStream publisher costs more CPU than the upload it measures)
                java.net.HttpURLConnection put = (java.net.HttpURLConnection)
                        URI.create(api + "/api/meetings/" + meetingId + "/recording/chunks/" + i).toURL().openConnection();
                put.setRequestMethod("PUT");
                put.setDoOutput(true);
                put.setFixedLengthStreamingMode(chunkBytes);
                put.setRequestProperty("Authorization", "Bearer " + token);
                put.setRequestProperty("Content-Type", "video/webm");
                put.setRequestProperty("X-Chunk-Duration-Ms", "60000");
                put.setRequestProperty("X-Checksum-SHA256", digests.get(i));
                try (InputStream in = new Generated(i, chunkBytes); java.io.OutputStream out = put.getOutputStream()) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        out.write(buffer, 0, n);
                    }
                }
                if (put.getResponseCode() != 201) {
                    throw new IllegalStateException("chunk " + i + ": " + put.getResponseCode());
                }
                put.getInputStream().readAllBytes();
            }
            seconds = (System.nanoTime() - start) / 1e9;
            uploading.set(false);
            sampler.join();
            heapMax = Math.max(heapMax, max[0]);
            heapSamples += samples[0];
            through.add(total / seconds);
            System.out.printf("| %d | API → s3proxy (SHA-256 on the way) | %.1f | %.1f | %s |%n", round, seconds, total / seconds,
                    loadAverage());
            HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(api + "/api/meetings/" + meetingId + "/recording"))
                    .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            if (deleted.statusCode() != 204) {
                throw new IllegalStateException("delete: " + deleted.statusCode() + " " + deleted.body());
            }
        }
        double directMean = direct.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double apiMean = through.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.out.printf("%n| | MB/s (mean of %d) |%n|---|---|%n| MinIO client straight to s3proxy (baseline) | %.1f |%n"
                        + "| through the API | %.1f |%n| ratio API / baseline | **%.2f×** (target ≥ 0.8×) |%n",
                rounds, directMean, apiMean, apiMean / directMean);
        if (heapBaseline >= 0) {
            System.out.printf("%nNode's live heap after a full GC: %d MiB before, at most %d MiB while uploading (%d samples): "
                    + "%+d MiB for %d MiB chunks%n", heapBaseline >> 20, heapMax >> 20, heapSamples, (heapMax - heapBaseline) >> 20,
                    chunkBytes >> 20);
        }
        jwks.stop(0);
    }

    static String createMeeting(HttpClient http, String api, String token, int round) throws Exception {
        String body = "{\"title\":\"bench recording " + round + "\",\"provider\":\"JITSI\",\"recordingEnabled\":true,\"startTime\":\""
                + Instant.now().plusSeconds(86400).toString() + "\"}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(api + "/api/meetings"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("meeting: " + created.statusCode() + " " + created.body());
        }
        Matcher m = Pattern.compile("\"meetingId\":\"([^\"]+)\"").matcher(created.body());
        m.find();
        return m.group(1);
    }

    /** The node's heap in use right after a full GC it was told to run: what it holds. */
    static long liveHeap(HttpClient http, String api, String token, long pid) throws Exception {
        new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        String metrics = http.send(HttpRequest.newBuilder(URI.create(api + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        long used = 0;
        Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+]+)").matcher(metrics);
        while (m.find()) {
            used += (long) Double.parseDouble(m.group(1));
        }
        return used;
    }

    static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** {@code size} pseudo-random bytes made as they are read. */
    static final class Generated extends InputStream {
        private final SplittableRandom random;
        private long remaining;

        Generated(int seed, long size) {
            this.random = new SplittableRandom(seed);
            this.remaining = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(length, remaining), 65536) & ~7;
            if (n == 0) {
                n = (int) Math.min(length, remaining);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = (byte) random.nextInt(256);
                }
            } else {
                for (int i = 0; i < n; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        buffer[offset + i + b] = (byte) (value >>> (8 * b));
                    }
                }
            }
            remaining -= n;
            return n;
        }
    }

    static String token(KeyPair keys, String issuer, String subject, long exp) throws Exception {
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}");
        String claims = b64("{\"iss\":\"" + issuer + "\",\"aud\":[\"convene-api\"],\"sub\":\"" + subject
                + "\",\"preferred_username\":\"" + subject + "\",\"roles\":[\"admin\",\"recorder\"],\"exp\":" + exp + ",\"iat\":"
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

    static String loadAverage() {
        try {
            String[] parts = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
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
