package io.convene.application.presence;

import io.convene.domain.presence.PresenceEvent;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.presence.PresenceRow;
import io.convene.domain.presence.Presences;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Writes a transition: the announced state and its {@code presence.changed} event, in the
 * caller's transaction. Called only when something changed — never per heartbeat.
 */
@Component
class PresenceAnnouncer {

    static final String EVENT = "presence.changed";

    private final Presences presences;
    private final EventOutbox outbox;

    PresenceAnnouncer(Presences presences, EventOutbox outbox) {
        this.presences = presences;
        this.outbox = outbox;
    }

    /** Announces {@code online}/{@code inCall} for {@code row}'s user if either differs from what was announced. */
    boolean announceIfChanged(PresenceRow row, boolean online, boolean inCall, Instant lastSeen) {
        String status = online ? "online" : "offline";
        if (status.equals(row.status()) && inCall == row.inCall()) {
            return false;
        }
        presences.announce(row.userId(), status, inCall);
        append(row.userId(), status, lastSeen, inCall);
        return true;
    }

    void append(String userId, String status, Instant lastSeen, boolean inCall) {
        outbox.append(new PresenceEvent.Changed(userId, status, lastSeen, inCall));
    }
}
