package io.convene.application.presence;

import org.springframework.stereotype.Service;

/**
 * The gateway's two calls into presence: a socket authenticated, a socket went away. Minimal
 * until presence at scale lands (it owns application/presence): a connection counts as a
 * heartbeat; a disconnect lets the heartbeat window run out.
 */
@Service
public class SocketPresence {

    private final Presence presence;

    SocketPresence(Presence presence) {
        this.presence = presence;
    }

    public void connected(String userId, String connectionId) {
        presence.heartbeat(userId);
    }

    public void disconnected(String userId, String connectionId) {
        // the online window expires it; presence at scale replaces this with per-connection leases
    }
}
