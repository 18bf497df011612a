package io.convene.api.presence;

import io.convene.domain.presence.Presences;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/** Who is online: a heartbeat fresher than the window. Never touches the BPMN engine. */
@Service
@EnableConfigurationProperties(PresenceProperties.class)
public class PresenceService {

    private final Presences presences;
    private final PresenceProperties properties;
    private final Clock clock;

    PresenceService(Presences presences, PresenceProperties properties, Clock clock) {
        this.presences = presences;
        this.properties = properties;
        this.clock = clock;
    }

    void heartbeat(String userId) {
        presences.heartbeat(userId, clock.instant());
    }

    public Set<String> online(Collection<String> userIds) {
        return presences.onlineSince(userIds, clock.instant().minus(properties.onlineWindow()));
    }

    Map<String, Instant> lastSeen(Collection<String> userIds) {
        return presences.lastSeen(userIds);
    }

    boolean isOnline(Instant lastSeen) {
        return lastSeen != null && !lastSeen.isBefore(clock.instant().minus(properties.onlineWindow()));
    }
}
