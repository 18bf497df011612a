package io.convene.domain.webhook;

/**
 * Encrypts secrets at rest (AEAD). {@code context} binds a ciphertext to its row (the webhook
 * id), so a ciphertext copied to another row does not decrypt.
 */
public interface SecretBox {

    byte[] seal(String secret, String context);

    String open(byte[] sealed, String context);
}
