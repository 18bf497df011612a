package io.convene.app.support;

import io.convene.app.ConveneApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.core.env.Environment;

/**
 * A second Convene instance in a JVM of its own, so that it can die as a production node dies:
 * {@link #kill()} is {@code kill -9} ({@link Process#destroyForcibly()}: no shutdown hook, no goodbye
 * to its sockets, its presence lease and rows left as they were). It runs
 * {@link ConveneApplication} from this test JVM's own classpath with the {@code test} profile, on
 * the tests' shared stack ({@link SecondNode#sharedStackArguments}), on loopback ports of its own.
 *
 * <p>Unlike a full node it runs no Camunda job executor (a job it held when killed would stay
 * locked for the engine's lock time and hold back the other tests) and no webapps; its outbox
 * relay's lease is short ({@code send-timeout} 1 s: three of them), so that after its death the first
 * node relays again within seconds.
 */
public final class ChildNode implements AutoCloseable {

    private final Process process;
    private final int httpPort;
    private final int socketPort;
    private final String instanceId;
    private final Path log;

    private ChildNode(Process process, int httpPort, int socketPort, String instanceId, Path log) {
        this.process = process;
        this.httpPort = httpPort;
        this.socketPort = socketPort;
        this.instanceId = instanceId;
        this.log = log;
    }

    /**
     * Starts it on {@code first}'s stack and waits until it is ready (its readiness probe answers 200);
     * {@code settings} ({@code --key=value}) are its own.
     */
    public static ChildNode start(Environment first, String instanceId, Duration within, String... settings) {
        int httpPort = freePort();
        int socketPort = freePort();
        Path log = Path.of("target", "child-node-" + instanceId + ".log").toAbsolutePath();
        Path classpathFile = log.resolveSibling("child-node-" + instanceId + ".classpath");
        try {
            Files.createDirectories(log.getParent());
            // a java @argfile: the classpath (~400 jars here) may be longer than one argument may be on Linux
            Files.writeString(classpathFile, "-cp \"" + classpath().replace("\\", "\\\\") + "\"\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "@" + classpathFile, ConveneApplication.class.getName()));
        command.addAll(SecondNode.sharedStackArguments(first));
        command.addAll(List.of("--spring.profiles.active=test",
                "--server.address=127.0.0.1", "--server.port=" + httpPort,
                "--convene.realtime.bind-address=127.0.0.1", "--convene.realtime.port=" + socketPort,
                "--convene.presence.instance-id=" + instanceId,
                "--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.webapp.enabled=false",
                "--convene.events.send-timeout=1s",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        command.addAll(List.of(settings));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildNode node = new ChildNode(process, httpPort, socketPort, instanceId, log);
        try {
            node.awaitReady(within);
        } catch (RuntimeException | Error e) {
            node.kill();
            throw e;
        }
        return node;
    }

    /**
     * What this JVM runs on: surefire's test classpath. Surefire starts its fork from a manifest-only
     * jar and then sets both {@code surefire.test.class.path} and {@code java.class.path} to the real
     * entries (target/classes, target/test-classes — with application-test.yaml — and every jar of
     * ~/.m2); outside surefire {@code java.class.path} is the JVM's own.
     */
    static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private void awaitReady(Duration within) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the child node exited (" + process.exitValue() + "): " + tail());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                process.waitFor(500, TimeUnit.MILLISECONDS); // a pause between polls that ends if it dies
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the child node was not ready within " + within + ": " + tail());
    }

    /** The Socket.IO URL of this instance. */
    public String socketUrl() {
        return "http://127.0.0.1:" + socketPort;
    }

    public int httpPort() {
        return httpPort;
    }

    /** Its name in {@code presence_instance}. */
    public String instanceId() {
        return instanceId;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: the process ends at once, running nothing of its own. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the child node did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills it if it still runs (whatever the test did). */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return log + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return log.toString();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
