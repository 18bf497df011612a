package io.convene.integration.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a receiver does, written from the Standard Webhooks spec with javax.crypto alone — not
 * the library the transport signs with, so a shared mistake cannot hide.
 */
final class IndependentVerifier {

    private IndependentVerifier() {
    }

    /** {@code v1,} + base64(HMAC-SHA256(base64-decoded secret after {@code whsec_}, "id.timestamp.body")). */
    static String expectedSignature(String secret, String id, String timestamp, String body) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** A receiver accepts the delivery when any of the space-separated signatures matches. */
    static boolean verifies(String secret, String id, String timestamp, String body, String signatureHeader) {
        byte[] expected = expectedSignature(secret, id, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        for (String signature : signatureHeader.split(" ")) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}
