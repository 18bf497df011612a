package io.convene.domain.presence;

import java.time.Instant;

/**
 * One user's stored presence.
 *
 * @param lastSeen      the last moment the user was known to be there (heartbeat, connect, disconnect, or the
 *                      last lease renewal of an instance that died holding their socket)
 * @param lastHeartbeat the last heartbeat written (null: never)
 * @param graceUntil    after the last socket closed, online until then (null: no grace running)
 * @param socketClosedAt when the user's last socket closed (null: never): heartbeats from before it do not count
 * @param connected     at least one socket open on a live instance
 * @param status        what was last announced: {@code online} or {@code offline}
 * @param inCall        what was last announced about being in a meeting or call
 */
public record PresenceRow(String userId, Instant lastSeen, Instant lastHeartbeat, Instant graceUntil,
                          boolean connected, String status, boolean inCall, Instant socketClosedAt) {

    /**
     * Online at {@code now}: a live socket, the grace after the last one closed running, or a
     * heartbeat after {@code staleBefore} — one sent after the last socket closed: the ones sent over
     * it do not outlive it (seed 002: offline on disconnect, not when the heartbeat ages out).
     */
    public boolean onlineAt(Instant now, Instant staleBefore, Instant pendingHeartbeat) {
        Instant heartbeat = latest(lastHeartbeat, pendingHeartbeat);
        boolean freshHeartbeat = heartbeat != null && heartbeat.isAfter(staleBefore)
                && (socketClosedAt == null || heartbeat.isAfter(socketClosedAt));
        return connected || freshHeartbeat || graceUntil != null && graceUntil.isAfter(now);
    }

    static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
