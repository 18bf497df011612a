package io.convene.domain.sip;

/**
 * Encrypts SIP passwords at rest (AEAD). {@code userId} is the associated data: a ciphertext
 * copied to another user's row does not open. The key comes from configuration or a file,
 * never from the database; it has key ids, so a new primary key seals from now on while the
 * older ones still open what they sealed, until a re-encryption moves everything to the new one.
 */
public interface CredentialCipher {

    /** A ciphertext and the id of the key that sealed it. */
    record Sealed(byte[] ciphertext, long keyId) {}

    Sealed seal(String password, String userId);

    /** @throws CredentialUnreadableException no key of the keyset opens it (wrong keyset, or another user's row) */
    String open(byte[] ciphertext, String userId);

    /** The key new passwords are sealed with. */
    long primaryKeyId();
}
