package io.convene.app.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The real npm socket.io-client (app/src/test/node, pinned by its lockfile) in a child process:
 * everything it sees comes back as JSON lines; {@link #emit} sends an event and waits for its ack.
 */
public final class SocketClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();
    private static volatile boolean installed;

    private final Process process;
    private final Writer stdin;
    private final List<JsonNode> lines = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    private SocketClient(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("{")) {
                        lines.add(JSON.readTree(line));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "socket-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects with {@code token} (null = no auth at all) over {@code transport}. */
    public static SocketClient connect(String url, String token, String transport) {
        install();
        try {
            ProcessBuilder builder = new ProcessBuilder("node", "client.mjs", url, token == null ? "-" : token, transport)
                    .directory(NODE_DIR.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
            return new SocketClient(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code npm ci} once per JVM, when the lockfile's packages are not there yet. */
    private static synchronized void install() {
        if (installed) {
            return;
        }
        if (!Files.exists(NODE_DIR.resolve("node_modules/socket.io-client/package.json"))) {
            try {
                Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(NODE_DIR.toFile())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
                if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                    throw new IllegalStateException("npm ci failed in " + NODE_DIR);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        installed = true;
    }

    /** The engine.io session id the server gave this client (the gateway's connection id), if it connected. */
    public java.util.Optional<String> sessionId() {
        return lines.stream().filter(l -> "connect".equals(l.path("type").asText())).map(l -> l.path("sid").asText())
                .filter(sid -> !sid.isEmpty()).findFirst();
    }

    public List<JsonNode> lines() {
        return List.copyOf(lines);
    }

    public List<JsonNode> events(String name) {
        return lines.stream().filter(l -> "event".equals(l.path("type").asText()) && name.equals(l.path("event").asText())).toList();
    }

    public JsonNode await(Predicate<JsonNode> what, Duration within) {
        try {
            Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(20)).until(() -> lines.stream().anyMatch(what));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not seen within " + within + "; the client saw: " + lines, e);
        }
        return lines.stream().filter(what).findFirst().orElseThrow();
    }

    public JsonNode awaitType(String type) {
        return await(l -> type.equals(l.path("type").asText()), Duration.ofSeconds(20));
    }

    public JsonNode awaitEvent(String name, Predicate<JsonNode> data) {
        return await(l -> "event".equals(l.path("type").asText()) && name.equals(l.path("event").asText())
                && data.test(l.path("data")), Duration.ofSeconds(20));
    }

    /** Emits and waits for the ack's payload. */
    public JsonNode emit(String event, Object data) {
        return awaitAck(send(event, data));
    }

    /** Emits without waiting; returns the id of its ack (see {@link #awaitAck}, {@link #acks}). */
    public int send(String event, Object data) {
        int id = ids.incrementAndGet();
        try {
            Map<String, Object> command = data == null ? Map.of("emit", event, "id", id) : Map.of("emit", event, "id", id, "data", data);
            stdin.write(JSON.writeValueAsString(command) + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    /** The ack of the event sent as {@code id}: its payload. */
    public JsonNode awaitAck(int id) {
        return await(l -> "ack".equals(l.path("type").asText()) && l.path("id").asInt() == id, Duration.ofSeconds(20))
                .path("data");
    }

    /** The acks received so far, in the order they came: {@code {type, id, data, at}}. */
    public List<JsonNode> acks() {
        return lines.stream().filter(l -> "ack".equals(l.path("type").asText())).toList();
    }

    /**
     * The client's process is killed (a crashed tab, a laptop whose lid closed): it says no goodbye; the
     * server learns it when the connection drops.
     */
    public void crash() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // the client disconnects (the server hears it at once), then exits
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroy();
            }
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
