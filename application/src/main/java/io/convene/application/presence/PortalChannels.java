package io.convene.application.presence;

import io.convene.application.shared.UnavailableException;
import io.convene.domain.thread.ThreadDirectory;
import io.convene.domain.thread.ThreadDirectoryUnavailableException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A channel's members, asked of the portal through the {@link ThreadDirectory} port (the portal's
 * channels and threads are one list of members to Convene). Without a portal: 404; the portal
 * down: 503, nothing changed.
 */
@Component
class PortalChannels implements ChannelMembers {

    private final ThreadDirectory threads;

    PortalChannels(ThreadDirectory threads) {
        this.threads = threads;
    }

    @Override
    public Optional<List<String>> of(String channelId, String userId) {
        if (!threads.knowsThreads()) {
            throw new PortalNotConfigured();
        }
        try {
            List<String> members = threads.members(channelId);
            return members.contains(userId) ? Optional.of(members) : Optional.empty();
        } catch (ThreadDirectoryUnavailableException e) {
            throw new UnavailableException("The portal did not say who is in channel " + channelId + "; try again.", e);
        }
    }
}
