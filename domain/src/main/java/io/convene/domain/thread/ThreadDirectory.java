package io.convene.domain.thread;

import java.util.List;

/**
 * The portal's chat threads: who is in one. Threads belong to the portal, so Convene asks
 * it (seed 001's thread calls: only a thread's members start and join its calls).
 * Implemented in the integration module: an HTTP client of the portal when
 * {@code CONVENE_PORTAL_URL} is set, otherwise a directory that {@linkplain #knowsThreads()
 * knows no threads} — then a thread call's members are the ones named when it starts.
 *
 * <p>Each question may be a network call: ask before a transaction opens.
 */
public interface ThreadDirectory {

    /** False when no portal is configured: nobody can tell who is in a thread. */
    boolean knowsThreads();

    /**
     * Whether {@code userId} is a member of thread {@code threadId}; false for a thread the
     * portal does not know, and always false when it {@linkplain #knowsThreads() knows no threads}.
     *
     * @throws ThreadDirectoryUnavailableException the portal did not answer
     */
    boolean isMember(String threadId, String userId);

    /**
     * The user ids of the thread's members, in the portal's order; empty for a thread the
     * portal does not know, and always empty when it {@linkplain #knowsThreads() knows no threads}.
     *
     * @throws ThreadDirectoryUnavailableException the portal did not answer
     */
    List<String> members(String threadId);

    /**
     * The users {@code userId} shares a conversation or channel with — those who see their online
     * dot (seed 002 §3.9) — in the portal's order; empty when it {@linkplain #knowsThreads() knows
     * no threads}.
     *
     * @throws ThreadDirectoryUnavailableException the portal did not answer
     */
    List<String> peersOf(String userId);
}
