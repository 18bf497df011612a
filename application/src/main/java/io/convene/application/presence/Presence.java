package io.convene.application.presence;

import io.convene.domain.presence.Presences;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/** Who is online: a heartbeat fresher than the window. Never touches the BPMN engine. */
@Service
@EnableConfigurationProperties(PresenceProperties.class)
public class Presence {

    /** One user's presence as the portal shows it. */
    public record UserPresence(String userId, String status, Instant lastSeen) {}

    private final Presences presences;
    private final PresenceProperties properties;
    private final Clock clock;

    Presence(Presences presences, PresenceProperties properties, Clock clock) {
        this.presences = presences;
        this.properties = properties;
        this.clock = clock;
    }

    public void heartbeat(String userId) {
        presences.heartbeat(userId, clock.instant());
    }

    /** Online or offline, and last seen, for each distinct id in order. */
    public List<UserPresence> of(List<String> userIds) {
        Map<String, Instant> seen = presences.lastSeen(userIds);
        Instant since = clock.instant().minus(properties.onlineWindow());
        return userIds.stream().distinct().map(id -> {
            Instant lastSeen = seen.get(id);
            boolean online = lastSeen != null && !lastSeen.isBefore(since);
            return new UserPresence(id, online ? "online" : "offline", lastSeen);
        }).toList();
    }

    /** The ones of {@code userIds} who are online now. */
    public Set<String> online(Collection<String> userIds) {
        return presences.onlineSince(userIds, clock.instant().minus(properties.onlineWindow()));
    }
}
