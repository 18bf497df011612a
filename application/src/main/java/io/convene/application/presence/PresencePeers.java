package io.convene.application.presence;

import io.convene.application.shared.UnitOfWork;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.thread.ThreadDirectory;
import io.convene.domain.thread.ThreadDirectoryUnavailableException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Who sees a user's online dot without asking for it (seed 002 §3.9, Sc5.1: "all users in Alice's
 * conversations/channels receive update"): the users they share a conversation or channel with —
 * asked of the portal through the {@link ThreadDirectory} port — and the other participants of
 * their meetings and calls (all of it without a portal). Asked once when a socket connects (the
 * network, on the socket's lane, never the event loop), at most {@value #MAX_PEERS}.
 */
@Service
public class PresencePeers {

    private static final Logger log = LoggerFactory.getLogger(PresencePeers.class);

    /** Most peers one socket follows implicitly. */
    public static final int MAX_PEERS = 500;

    private final ThreadDirectory portal;
    private final Meetings meetings;
    private final UnitOfWork work;

    PresencePeers(ThreadDirectory portal, Meetings meetings, UnitOfWork work) {
        this.portal = portal;
        this.meetings = meetings;
        this.work = work;
    }

    /** The user's peers: the portal's first, then the meetings' (a portal that does not answer: those only). */
    public List<String> of(String userId) {
        Set<String> peers = new LinkedHashSet<>();
        if (portal.knowsThreads()) {
            try {
                portal.peersOf(userId).stream().limit(MAX_PEERS).forEach(peers::add);
            } catch (ThreadDirectoryUnavailableException e) {
                log.warn("presence: the portal did not say whom {} shares conversations with ({}); their meetings' "
                        + "members follow their presence meanwhile", userId, e.getMessage());
            }
        }
        if (peers.size() < MAX_PEERS) {
            peers.addAll(work.read(() -> meetings.membersWith(userId, MAX_PEERS)));
        }
        peers.remove(userId);
        return peers.stream().limit(MAX_PEERS).toList();
    }
}
