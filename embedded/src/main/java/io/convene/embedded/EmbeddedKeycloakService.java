package io.convene.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A real Keycloak, from the {@code org.keycloak:keycloak-quarkus-dist} zip, run as a
 * child process with the {@code convene} realm imported. It starts in the
 * background while the app starts; {@link #awaitReady()} waits for its OIDC
 * discovery document. Its database (H2 file) lives under the data folder.
 */
final class EmbeddedKeycloakService implements EmbeddedService {

    private static final Log log = LogFactory.getLog(EmbeddedKeycloakService.class);
    static final String REALM = "convene";

    private final Path distribution;
    private final Path home;
    private final int port;
    private final int managementPort;
    private final String realmResource;
    private final Duration startTimeout;
    private Process process;

    EmbeddedKeycloakService(Path distribution, Path workDir, int port, int managementPort, String realmResource,
                            Duration startTimeout) {
        this.distribution = distribution;
        this.home = workDir.resolve("server");
        this.port = port;
        this.managementPort = managementPort;
        this.realmResource = realmResource;
        this.startTimeout = startTimeout;
    }

    @Override
    public String name() {
        return "Keycloak";
    }

    String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    @Override
    public Map<String, Object> start() throws IOException {
        Ports.requireFree(port, name());
        unpackOnce();
        copyRealm();
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--hostname=http://localhost:" + port,
                "--import-realm"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.getParent().resolve("keycloak.log").toFile()));
        Map<String, String> env = builder.environment();
        // the master realm's console admin; demo only, like the realm's users
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "kcadmin");
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        // the realm file says "${CONVENE_BACKEND_CLIENT_SECRET}"; Keycloak fills it in on import
        String backendSecret = backendClientSecret();
        env.put("CONVENE_BACKEND_CLIENT_SECRET", backendSecret);
        // likewise the recorder's client-credentials secret (demo: made once per data folder)
        env.put("CONVENE_RECORDER_CLIENT_SECRET", recorderClientSecret());
        env.remove("JAVA_TOOL_OPTIONS");
        log.info("Starting Keycloak on http://localhost:" + port + " (log: " + home.getParent().resolve("keycloak.log") + ")");
        process = builder.start();
        return Map.of("convene.identity.issuer-uri", issuer(),
                "convene.identity.admin-client-secret", backendSecret);
    }

    /**
     * The secret of the {@code convene-backend} client (user look-ups). Made once per data
     * folder, because the realm is imported once; or taken from the environment.
     */
    private String backendClientSecret() throws IOException {
        String fromEnv = System.getenv("CONVENE_BACKEND_CLIENT_SECRET");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return DataDirSecrets.readOrCreate(home.getParent().resolve("backend-client-secret"));
    }

    /**
     * The secret of the {@code convene-recorder} client (the recorder's service account, realm role
     * {@code recorder}): from {@code CONVENE_RECORDER_CLIENT_SECRET}, else made once per data folder
     * in {@code <data-dir>/keycloak/recorder-client-secret} — a demo secret, so recordings can be
     * tried without configuration ({@code bin/convene token recorder}).
     */
    private String recorderClientSecret() throws IOException {
        String fromEnv = System.getenv("CONVENE_RECORDER_CLIENT_SECRET");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return DataDirSecrets.readOrCreate(home.getParent().resolve(RECORDER_SECRET_FILE));
    }

    static final String RECORDER_SECRET_FILE = "recorder-client-secret";

    @Override
    public void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(startTimeout);
        while (Instant.now().isBefore(deadline)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue()
                        + "; see " + home.getParent().resolve("keycloak.log"));
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not answer within " + startTimeout
                + "; see " + home.getParent().resolve("keycloak.log"));
    }

    private void unpackOnce() throws IOException {
        Path marker = home.resolve(".unpacked-from");
        String source = distribution.getFileName().toString();
        if (Files.exists(marker) && Files.readString(marker).equals(source)) {
            return;
        }
        if (!Files.isRegularFile(distribution)) {
            throw new IllegalStateException("Keycloak distribution not found at " + distribution
                    + ": build first (./mvnw -DskipTests install) or set CONVENE_EMBEDDED_KEYCLOAK_DISTRIBUTION");
        }
        log.info("Unpacking Keycloak from " + distribution + " (first start only)");
        Files.createDirectories(home);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(distribution))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                // the zip has one top folder (keycloak-<version>/); strip it
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = home.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("zip entry outside target: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    if (target.toString().endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        Files.writeString(marker, source);
    }

    private void copyRealm() throws IOException {
        Path importDir = Files.createDirectories(home.resolve("data/import"));
        try (InputStream realm = getClass().getClassLoader().getResourceAsStream(realmResource)) {
            if (realm == null) {
                throw new IllegalStateException("realm " + realmResource + " is not on the classpath");
            }
            Files.copy(realm, importDir.resolve("realm-" + REALM + ".json"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                descendants.forEach(ProcessHandle::destroyForcibly);
            }
            for (ProcessHandle child : descendants) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
