package io.convene.domain.guest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets guests hold: invitation tokens and guest credentials, 256 random bits each
 * (base64url), of which only the SHA-256 is stored. A credential carries the prefix
 * {@value #CREDENTIAL_PREFIX} so the API and the socket gateway tell it from a Keycloak token at once.
 */
public final class GuestTokens {

    public static final String CREDENTIAL_PREFIX = "cvg_";
    /** Longer input is not a token of ours: refused before it is hashed. */
    public static final int MAX_LENGTH = 100;

    private static final SecureRandom RANDOM = new SecureRandom();

    private GuestTokens() {}

    public static String newInvitationToken() {
        return random();
    }

    public static String newCredential() {
        return CREDENTIAL_PREFIX + random();
    }

    public static boolean looksLikeCredential(String token) {
        return token != null && token.startsWith(CREDENTIAL_PREFIX);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
