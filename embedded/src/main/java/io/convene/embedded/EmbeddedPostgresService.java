package io.convene.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** A real PostgreSQL from zonky's binaries, its data directory kept across restarts. */
final class EmbeddedPostgresService implements EmbeddedService {

    private final Path dataDir;
    private final int port;
    private final boolean durable;
    private EmbeddedPostgres postgres;

    EmbeddedPostgresService(Path dataDir, int port, boolean durable) {
        this.dataDir = dataDir;
        this.port = port;
        this.durable = durable;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public Map<String, Object> start() throws IOException {
        Ports.requireFree(port, name());
        Files.createDirectories(dataDir);
        Set<Thread> hooksBefore = ShutdownHooks.snapshot();
        // zonky runs initdb only when the directory holds no cluster yet, so data survives restarts
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky's defaults trade durability for speed; the embedded default keeps data safe
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        ShutdownHooks.removeAddedSince(hooksBefore); // we stop it ourselves, after the app
        return Map.of(
                "spring.datasource.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres");
    }

    @Override
    public void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
