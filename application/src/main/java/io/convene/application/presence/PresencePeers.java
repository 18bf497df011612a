package io.convene.application.presence;

import io.convene.domain.thread.ThreadDirectory;
import io.convene.domain.thread.ThreadDirectoryUnavailableException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Who sees a user's online dot without asking for it (seed 002 §3.9, Sc5.1: "all users in Alice's
 * conversations/channels receive update"): the users they share a conversation or channel with,
 * asked of the portal through the {@link ThreadDirectory} port — conversations and channels are the
 * portal's. Asked once when a socket connects (the network, on the socket's lane, never the event
 * loop), at most {@value #MAX_PEERS}. Without a portal nobody can say: then the people in a meeting
 * or call in progress with the user are who hear of them (the routing reads them at each change).
 */
@Service
public class PresencePeers {

    private static final Logger log = LoggerFactory.getLogger(PresencePeers.class);

    /** Most peers one socket follows implicitly. */
    public static final int MAX_PEERS = 500;

    private final ThreadDirectory portal;

    PresencePeers(ThreadDirectory portal) {
        this.portal = portal;
    }

    /** The user's peers as the portal says (none without a portal, or when it does not answer). */
    public List<String> of(String userId) {
        if (!portal.knowsThreads()) {
            return List.of();
        }
        try {
            return portal.peersOf(userId).stream().filter(peer -> !peer.equals(userId)).distinct().limit(MAX_PEERS)
                    .toList();
        } catch (ThreadDirectoryUnavailableException e) {
            log.warn("presence: the portal did not say whom {} shares conversations with ({}); the people in a "
                    + "meeting or call with them hear of them meanwhile", userId, e.getMessage());
            return List.of();
        }
    }
}
