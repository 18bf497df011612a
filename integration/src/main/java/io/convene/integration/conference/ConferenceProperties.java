package io.convene.integration.conference;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where conferences happen: the Jitsi deployment that trusts our JWTs, and the
 * coturn servers that share our REST-API secret.
 *
 * <p>Set from the environment through placeholders in {@code application.yaml}
 * (secrets are never committed): {@code JITSI_DOMAIN}, {@code JITSI_APP_ID},
 * {@code JITSI_APP_SECRET}, {@code JITSI_PUBLIC_URL}, {@code TURN_URIS} (comma
 * separated), {@code TURN_SECRET}, {@code TURN_TTL}, {@code STUN_URIS} (comma separated).
 * An empty placeholder ({@code ${TURN_SECRET:}}) counts as "not configured", so
 * the app starts without Jitsi or TURN and only the calls that need them fail.
 */
@ConfigurationProperties("convene.conference")
public record ConferenceProperties(@DefaultValue Jitsi jitsi, @DefaultValue Turn turn) {

    /**
     * @param domain    the XMPP domain Prosody checks as the token's {@code sub}
     * @param appId     the {@code iss} Prosody's token auth is configured with
     * @param appSecret the shared HS256 secret; null until Jitsi is set up
     * @param tokenTtl  how long a join token is valid; at most 90 s, so a leaked link dies quickly
     * @param publicUrl where browsers open rooms; {@code https://<domain>} by default
     */
    public record Jitsi(
            @DefaultValue("meet.jitsi.local") String domain,
            @DefaultValue("convene") String appId,
            String appSecret,
            @DefaultValue("90s") Duration tokenTtl,
            String publicUrl) {

        /** The domain used when none is configured: a name for join URLs and JWTs, not a server anyone runs. */
        public static final String PLACEHOLDER_DOMAIN = "meet.jitsi.local";
        static final Duration MAX_TOKEN_TTL = Duration.ofSeconds(90);
        // HS256 (RFC 7518 §3.2) needs a key at least as long as the hash; Nimbus refuses shorter ones.
        static final int MIN_SECRET_BYTES = 32;

        public Jitsi {
            appSecret = blankToNull(appSecret);
            if (tokenTtl == null || tokenTtl.isZero() || tokenTtl.isNegative() || tokenTtl.compareTo(MAX_TOKEN_TTL) > 0) {
                // rejected rather than clamped: a silently shortened TTL would hide a wrong setting
                throw new IllegalArgumentException(
                        "convene.conference.jitsi.token-ttl must be between 1s and 90s, was " + tokenTtl);
            }
            if (appSecret != null && appSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException(
                        "JITSI_APP_SECRET must be at least " + MIN_SECRET_BYTES + " bytes for HS256");
            }
            publicUrl = blankToNull(publicUrl) == null ? "https://" + domain : stripTrailingSlash(publicUrl);
        }

        /** True while nobody said where a Jitsi runs (neither JITSI_DOMAIN nor JITSI_PUBLIC_URL). */
        public boolean isPlaceholder() {
            return ("https://" + PLACEHOLDER_DOMAIN).equals(publicUrl);
        }
    }

    /**
     * @param uris     TURN URIs ({@code turn:…}, {@code turns:…}); none means no relay is offered
     * @param secret   coturn's {@code static-auth-secret}; required as soon as {@code uris} is set
     * @param ttl      how long TURN credentials stay valid; long enough to outlast a meeting's reconnects
     * @param stunUris STUN URIs, offered without credentials
     */
    public record Turn(
            @DefaultValue List<String> uris,
            String secret,
            @DefaultValue("1h") Duration ttl,
            @DefaultValue List<String> stunUris) {

        public Turn {
            uris = nonBlank(uris);
            secret = blankToNull(secret);
            stunUris = nonBlank(stunUris);
            if (ttl == null || ttl.isZero() || ttl.isNegative()) {
                throw new IllegalArgumentException("convene.conference.turn.ttl must be positive, was " + ttl);
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String stripTrailingSlash(String url) {
        String stripped = url.strip();
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    // "TURN_URIS=a, b," binds with blanks and spaces; the browser rejects an empty URL
    private static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
