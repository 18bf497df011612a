package io.convene.application.realtime;

import io.convene.application.presence.Presence;
import io.convene.application.realtime.SocketPayloads.PresenceBulkUpdate;
import io.convene.application.realtime.SocketPayloads.PresenceUpdate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The once-a-minute {@code presence:bulk_update} digest (seed 002: batched): the current presence
 * of the users the gateway's sockets subscribed to, read with {@link Presence#of} in chunks of
 * {@value Presence#MAX_USERS}, at most {@value #MAX_USERS} distinct users per digest.
 */
@Service
public class PresenceDigest {

    /** Most distinct users one digest reads (the rest wait for the next one). */
    public static final int MAX_USERS = 100_000;

    private final Presence presence;

    PresenceDigest(Presence presence) {
        this.presence = presence;
    }

    /** Each user's entry of {@code presence:bulk_update}: {@code {userId, status, lastSeen, inCall}}, by user id. */
    public Map<String, PresenceUpdate> current(Collection<String> userIds) {
        List<String> ids = userIds.stream().distinct().limit(MAX_USERS).toList();
        Map<String, PresenceUpdate> entries = new HashMap<>();
        for (int from = 0; from < ids.size(); from += Presence.MAX_USERS) {
            presence.of(ids.subList(from, Math.min(ids.size(), from + Presence.MAX_USERS))).forEach(p ->
                    entries.put(p.userId(), new PresenceUpdate(p.userId(), p.status(), p.lastSeen(), p.inCall())));
        }
        return entries;
    }

    /** The payload one socket receives: {@code {users: [...]}} for its subscriptions (in no set order). */
    public static PresenceBulkUpdate bulkUpdate(Collection<String> subscriptions, Map<String, PresenceUpdate> current) {
        return new PresenceBulkUpdate(subscriptions.stream().map(current::get).filter(java.util.Objects::nonNull).toList());
    }
}
