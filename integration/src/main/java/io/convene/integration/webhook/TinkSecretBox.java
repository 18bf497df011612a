package io.convene.integration.webhook;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import io.convene.domain.webhook.SecretBox;
import io.convene.integration.crypto.TinkKeysets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * Webhook secrets at rest: Tink AEAD (AES-256-GCM). The keyset carries key ids, so a new primary
 * key can be added (rotation) while old ciphertexts still open; the associated data binds a
 * ciphertext to its webhook.
 */
class TinkSecretBox implements SecretBox {

    private final Aead aead;

    TinkSecretBox(KeysetHandle keyset) {
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the webhook keyset holds no usable AEAD key", e);
        }
    }

    /** The keyset the properties name; fails with a clear message when none is configured. */
    static TinkSecretBox from(SecretBoxProperties properties) {
        try {
            AeadConfig.register();
            if (properties.keyset() != null && !properties.keyset().isBlank()) {
                return new TinkSecretBox(TinkKeysets.parse(properties.keyset()));
            }
            if (properties.keysetFile() != null && !properties.keysetFile().isBlank()) {
                Path file = Path.of(properties.keysetFile());
                if (!Files.exists(file) && properties.createKeyset()) {
                    TinkKeysets.createIfAbsent(file);
                }
                if (!Files.exists(file)) {
                    throw new IllegalStateException("the webhook keyset file " + file + " does not exist "
                            + "(make one with Tink's tinkey: create-keyset --key-template AES256_GCM --out-format json)");
                }
                return new TinkSecretBox(TinkKeysets.parse(Files.readString(file)));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the webhook keyset is not a valid Tink JSON keyset", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no key to encrypt webhook secrets: set CONVENE_WEBHOOKS_KEYSET "
                + "(a Tink JSON keyset) or CONVENE_WEBHOOKS_KEYSET_FILE");
    }



    @Override
    public byte[] seal(String secret, String context) {
        try {
            return aead.encrypt(secret.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a webhook secret", e);
        }
    }

    @Override
    public String open(byte[] sealed, String context) {
        try {
            return new String(aead.decrypt(sealed, context.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a webhook secret does not decrypt with this keyset (wrong keyset or row)", e);
        }
    }
}
