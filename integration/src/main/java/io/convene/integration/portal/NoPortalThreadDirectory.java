package io.convene.integration.portal;

import io.convene.domain.thread.ThreadDirectory;
import java.util.List;

/**
 * The fallback without a portal: it knows no threads. The call use cases then take a thread
 * call's members from the call itself — the ones named when it started — and only they may join.
 * Asked anyway, it answers "nobody", so a mistake refuses rather than lets anyone in.
 */
final class NoPortalThreadDirectory implements ThreadDirectory {

    @Override
    public boolean knowsThreads() {
        return false;
    }

    @Override
    public boolean isMember(String threadId, String userId) {
        return false;
    }

    @Override
    public List<String> members(String threadId) {
        return List.of();
    }

    @Override
    public List<String> peersOf(String userId) {
        return List.of();
    }
}
