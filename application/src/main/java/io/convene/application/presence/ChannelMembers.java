package io.convene.application.presence;

import java.util.List;
import java.util.Optional;

/**
 * The seam to the portal for {@code GET /api/presence/channel/{channelId}}: who is in a
 * channel. Convene does not know channels; the portal does (the {@code ThreadDirectory} port
 * and its HTTP adapter for {@code CONVENE_PORTAL_URL}). A bean implementing this — an adapter
 * over {@code ThreadDirectory} — turns the endpoint on; without one it answers 404.
 */
public interface ChannelMembers {

    /**
     * The members of {@code channelId} as {@code userId} may see them; empty when the channel
     * does not exist or {@code userId} is not in it (both 404 to the caller).
     */
    Optional<List<String>> of(String channelId, String userId);
}
