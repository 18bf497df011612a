package io.convene.domain.sip;

import java.time.Instant;

/**
 * A user's SIP account: the extension and the password's ciphertext ({@link CredentialCipher},
 * sealed under the keyset key {@code keyId}). The password itself is never held here.
 */
public record SipCredential(String userId, String extension, byte[] sealedPassword, long keyId,
                            Instant updatedAt, String updatedBy) {

    @Override
    public String toString() { // never the ciphertext
        return "SipCredential[" + userId + ", " + extension + "]";
    }
}
