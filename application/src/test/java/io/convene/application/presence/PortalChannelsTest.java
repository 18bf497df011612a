package io.convene.application.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.application.shared.NotFoundException;
import io.convene.domain.thread.ThreadDirectory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without a portal nobody can tell a channel's members: the endpoint answers 404 saying so. */
class PortalChannelsTest {

    @Test
    void without_a_portal_a_channel_is_not_found_and_the_reason_names_the_setting() {
        PortalChannels channels = new PortalChannels(new NoPortal());

        assertThatThrownBy(() -> channels.of("general", "alice"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("CONVENE_PORTAL_URL");
    }

    @Test
    void with_a_portal_only_members_see_the_members() {
        PortalChannels channels = new PortalChannels(new Portal(List.of("alice", "bob")));

        assertThat(channels.of("general", "alice")).contains(List.of("alice", "bob"));
        assertThat(channels.of("general", "carol")).isEmpty();
    }

    private record NoPortal() implements ThreadDirectory {
        public boolean knowsThreads() { return false; }
        public boolean isMember(String threadId, String userId) { return false; }
        public List<String> members(String threadId) { return List.of(); }
        public List<String> peersOf(String userId) { return List.of(); }
    }

    private record Portal(List<String> members) implements ThreadDirectory {
        public boolean knowsThreads() { return true; }
        public boolean isMember(String threadId, String userId) { return members.contains(userId); }
        public List<String> members(String threadId) { return members; }
        public List<String> peersOf(String userId) { return members; }
    }
}
