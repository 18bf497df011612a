package io.convene.embedded;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * The secrets the embedded default needs, made once per data folder and kept in a file there
 * (readable by its owner only), so a restart finds the same ones: the {@code convene-backend}
 * client secret (Keycloak imports the realm once) and the Jitsi app secret (a Jitsi pointed at
 * this Convene keeps trusting its tokens). A secret given in the configuration wins and is
 * never written.
 */
final class DataDirSecrets {

    static final String JITSI_APP_SECRET = "convene.conference.jitsi.app-secret";
    static final String JITSI_SECRET_FILE = "jitsi/app-secret";
    static final String WEBHOOK_KEYSET_FILE = "webhooks/keyset.json";
    static final String SIP_KEYSET_FILE = "sip/keyset.json";

    private static final SecureRandom RANDOM = new SecureRandom();

    private DataDirSecrets() {}

    /**
     * The Jitsi app secret of this data folder ({@code <data-dir>/jitsi/app-secret}) as the
     * property that configures it, unless {@code JITSI_APP_SECRET} (or the property) is set.
     */
    static Map<String, Object> jitsi(Environment env, Path dataDir) throws IOException {
        if (hasText(env.getProperty(JITSI_APP_SECRET))) {
            return Map.of();
        }
        return Map.of(JITSI_APP_SECRET, readOrCreate(dataDir.resolve(JITSI_SECRET_FILE)));
    }

    /**
     * Where the webhook secrets' keyset lives in this data folder ({@code <data-dir>/webhooks/keyset.json},
     * made by the app on first start), unless {@code CONVENE_WEBHOOKS_KEYSET}/{@code _FILE} is set.
     */
    static Map<String, Object> webhookKeyset(Environment env, Path dataDir) {
        if (hasText(env.getProperty("convene.webhooks.keyset")) || hasText(env.getProperty("convene.webhooks.keyset-file"))) {
            return Map.of();
        }
        return Map.of("convene.webhooks.keyset-file", dataDir.resolve(WEBHOOK_KEYSET_FILE).toString(),
                "convene.webhooks.create-keyset", "true");
    }

    /**
     * Where the keyset that encrypts SIP passwords lives in this data folder ({@code <data-dir>/sip/keyset.json},
     * made by the app on first start), unless {@code CONVENE_SIP_KEYSET}/{@code _FILE} is set.
     */
    static Map<String, Object> sipKeyset(Environment env, Path dataDir) {
        if (hasText(env.getProperty("convene.sip.keyset")) || hasText(env.getProperty("convene.sip.keyset-file"))) {
            return Map.of();
        }
        return Map.of("convene.sip.keyset-file", dataDir.resolve(SIP_KEYSET_FILE).toString(),
                "convene.sip.create-keyset", "true");
    }

    /** The secret in {@code file}; if there is none, 32 random bytes (64 hex characters) written there first. */
    static String readOrCreate(Path file) throws IOException {
        Optional<String> existing = read(file);
        if (existing.isPresent()) {
            return existing.get();
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException madeMeanwhile) {
            return read(file).orElseThrow(() -> new IOException(file + " exists but holds no secret"));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, HexFormat.of().formatHex(random));
        return read(file).orElseThrow();
    }

    private static Optional<String> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String secret = Files.readString(file).trim();
        return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
