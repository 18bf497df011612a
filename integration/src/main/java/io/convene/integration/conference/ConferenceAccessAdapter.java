package io.convene.integration.conference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.convene.domain.conference.ConferenceAccess;
import io.convene.domain.conference.IceServer;
import io.convene.domain.conference.JitsiJoin;
import io.convene.domain.conference.MediaPolicy;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Jitsi join tokens (Prosody's {@code token} auth, HS256) and coturn REST-API
 * credentials ({@code use-auth-secret}), both derived from shared secrets so
 * neither server needs to call us back.
 */
@Component
class ConferenceAccessAdapter implements ConferenceAccess {

    // Prosody checks aud against its accepted audiences; "jitsi" is the default it ships with.
    static final String JITSI_AUDIENCE = "jitsi";
    // A small allowance for clocks that run slightly behind ours, so a fresh token is not "not yet valid".
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final ConferenceProperties properties;
    private final Clock clock;

    ConferenceAccessAdapter(ConferenceProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public JitsiJoin jitsi(String room, String userId, String displayName, boolean moderator, MediaPolicy media) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(userId, "userId");
        ConferenceProperties.Jitsi jitsi = properties.jitsi();
        if (jitsi.appSecret() == null) {
            throw new IllegalStateException("JITSI_APP_SECRET is not configured");
        }
        // JWT times are whole seconds; truncating keeps expiresAt equal to the token's exp.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(jitsi.tokenTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(JITSI_AUDIENCE)
                .issuer(jitsi.appId())
                .subject(jitsi.domain())
                .claim("room", room)
                .claim("context", Map.of("user", user(userId, displayName, moderator), "features", features(media)))
                .claim("moderator", moderator)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minus(CLOCK_SKEW)))
                .expirationTime(Date.from(expiresAt))
                .build();
        String token = sign(claims, jitsi.appSecret());
        return new JitsiJoin(jitsi.domain(), room, jitsiRoomUrl(room) + configHints(media), token, expiresAt);
    }

    /**
     * Jitsi's token features (honoured with {@code enableFeaturesBasedOnToken}): what this
     * participant may do. Values are strings, as Prosody's token module reads them.
     */
    private static Map<String, String> features(MediaPolicy media) {
        Map<String, String> features = new LinkedHashMap<>();
        features.put("screen-sharing", Boolean.toString(media.screenSharing()));
        features.put("recording", Boolean.toString(media.recording()));
        features.put("livestreaming", "false");
        features.put("transcription", "false");
        features.put("outbound-call", "false");
        return features;
    }

    /** The room URL's config overrides (Jitsi Meet reads {@code #config.x=y}): how the participant starts. */
    private static String configHints(MediaPolicy media) {
        List<String> hints = new ArrayList<>();
        if (media.audioOnly()) {
            hints.add("config.startAudioOnly=true");
        }
        if (media.startAudioMuted()) {
            hints.add("config.startWithAudioMuted=true");
        }
        if (media.startVideoMuted()) {
            hints.add("config.startWithVideoMuted=true");
        }
        return hints.isEmpty() ? "" : "#" + String.join("&", hints);
    }

    @Override
    public String jitsiRoomUrl(String room) {
        Objects.requireNonNull(room, "room");
        return properties.jitsi().publicUrl() + "/" + room;
    }

    @Override
    public List<IceServer> iceServers(String userId) {
        Objects.requireNonNull(userId, "userId");
        ConferenceProperties.Turn turn = properties.turn();
        List<IceServer> servers = new ArrayList<>(2);
        if (!turn.stunUris().isEmpty()) {
            servers.add(new IceServer(turn.stunUris(), null, null));
        }
        if (!turn.uris().isEmpty()) {
            if (turn.secret() == null) {
                throw new IllegalStateException("TURN_URIS is set but TURN_SECRET is not configured");
            }
            // coturn's REST-API scheme: it recomputes the HMAC from the username and checks the expiry in it.
            long expiry = clock.instant().plus(turn.ttl()).getEpochSecond();
            String username = expiry + ":" + userId;
            servers.add(new IceServer(turn.uris(), username, hmacSha1Base64(turn.secret(), username)));
        }
        return List.copyOf(servers);
    }

    private static Map<String, Object> user(String userId, String displayName, boolean moderator) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", userId);
        if (displayName != null) {
            user.put("name", displayName);
        }
        user.put("moderator", moderator);
        return user;
    }

    private static String sign(JWTClaimsSet claims, String secret) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the Jitsi token", e);
        }
        return jwt.serialize();
    }

    private static String hmacSha1Base64(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // HmacSHA1 is mandatory in every JRE, so this means a broken runtime
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }
}
