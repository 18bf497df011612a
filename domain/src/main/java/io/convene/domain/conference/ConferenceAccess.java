package io.convene.domain.conference;

import java.util.List;

/**
 * Credentials to enter a conference, issued per user and join: a short-lived
 * Jitsi JWT for JITSI meetings, ICE servers with TURN credentials for INTERNAL
 * ones. Implemented in the integration module (Jitsi, coturn).
 */
public interface ConferenceAccess {

    /** A Jitsi join for {@code room}: HS256 JWT (aud jitsi, iss app id, sub domain, room, context.user, nbf, exp ≤ 90 s). */
    default JitsiJoin jitsi(String room, String userId, String displayName, boolean moderator) {
        return jitsi(room, userId, displayName, moderator, MediaPolicy.OPEN);
    }

    /**
     * As above, with the participant's media rules: the token's {@code context.features} say what
     * they may do (screen sharing, recording), the room URL's config hints how they start
     * (audio only, muted).
     */
    JitsiJoin jitsi(String room, String userId, String displayName, boolean moderator, MediaPolicy media);

    /** Where a browser opens Jitsi room {@code room} (seed 001's {@code join_url}); needs no secret. */
    String jitsiRoomUrl(String room);

    /** STUN/TURN servers for {@code userId}, with coturn REST-API credentials. */
    List<IceServer> iceServers(String userId);
}
