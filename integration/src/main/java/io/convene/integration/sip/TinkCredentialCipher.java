package io.convene.integration.sip;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import io.convene.domain.sip.CredentialCipher;
import io.convene.domain.sip.CredentialUnreadableException;
import io.convene.integration.crypto.TinkKeysets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;

/**
 * SIP passwords at rest: Tink AEAD (AES-256-GCM), the user id as associated data. Tink's
 * ciphertexts start with the id of the key that sealed them, so a keyset with a new primary key
 * (rotation: {@code tinkey add-key} + {@code promote-key}) seals with the new key and still opens
 * what the old ones sealed. A keyset file is read again when it changes (size or time), so a
 * rotation needs no restart; an inline keyset is fixed until the next start.
 */
class TinkCredentialCipher implements CredentialCipher {

    private record Loaded(Aead aead, long primaryKeyId, FileTime modified, long size) {}

    private final Path file;
    private volatile Loaded current;

    private TinkCredentialCipher(Path file, Loaded loaded) {
        this.file = file;
        this.current = loaded;
    }

    static TinkCredentialCipher from(SipKeysetProperties properties) {
        try {
            AeadConfig.register();
            if (properties.keyset() != null && !properties.keyset().isBlank()) {
                return new TinkCredentialCipher(null, load(properties.keyset(), null, 0));
            }
            if (properties.keysetFile() != null && !properties.keysetFile().isBlank()) {
                Path file = Path.of(properties.keysetFile());
                if (!Files.exists(file) && properties.createKeyset()) {
                    TinkKeysets.createIfAbsent(file);
                }
                if (!Files.exists(file)) {
                    throw new IllegalStateException("the SIP keyset file " + file + " does not exist "
                            + "(make one with Tink's tinkey: create-keyset --key-template AES256_GCM --out-format json)");
                }
                return new TinkCredentialCipher(file, read(file));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the SIP keyset is not a valid Tink JSON keyset of AEAD keys", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no key to encrypt SIP passwords: set CONVENE_SIP_KEYSET "
                + "(a Tink JSON keyset) or CONVENE_SIP_KEYSET_FILE");
    }

    private static Loaded read(Path file) throws IOException, GeneralSecurityException {
        FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        return load(Files.readString(file), modified, size);
    }

    private static Loaded load(String json, FileTime modified, long size) throws GeneralSecurityException {
        KeysetHandle keyset = TinkKeysets.parse(json);
        return new Loaded(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class),
                Integer.toUnsignedLong(keyset.getPrimary().getId()), modified, size);
    }


    /** The keyset now: the file's again if it changed since it was read. */
    private Loaded keyset() {
        Loaded loaded = current;
        if (file == null) {
            return loaded;
        }
        try {
            if (!Files.getLastModifiedTime(file).equals(loaded.modified()) || Files.size(file) != loaded.size()) {
                synchronized (this) {
                    loaded = read(file);
                    current = loaded;
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            // a file half written by an editor, or gone: keep the keyset that worked
            return loaded;
        }
        return loaded;
    }

    @Override
    public Sealed seal(String password, String userId) {
        Loaded keyset = keyset();
        try {
            return new Sealed(keyset.aead().encrypt(password.getBytes(StandardCharsets.UTF_8), ad(userId)),
                    keyset.primaryKeyId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a SIP password with the SIP keyset", e);
        }
    }

    @Override
    public String open(byte[] ciphertext, String userId) {
        try {
            return new String(keyset().aead().decrypt(ciphertext, ad(userId)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new CredentialUnreadableException("the SIP password of user " + userId + " does not decrypt with the "
                    + "SIP keyset (key " + keyIdOf(ciphertext) + " missing, or the row was copied)", e);
        }
    }

    @Override
    public long primaryKeyId() {
        return keyset().primaryKeyId();
    }

    /** Tink's output prefix: one version byte, then the key id (4 bytes, big-endian). */
    static long keyIdOf(byte[] ciphertext) {
        return ciphertext.length < 5 ? -1 : Integer.toUnsignedLong(ByteBuffer.wrap(ciphertext, 1, 4).getInt());
    }

    private static byte[] ad(String userId) {
        return userId.getBytes(StandardCharsets.UTF_8);
    }
}
