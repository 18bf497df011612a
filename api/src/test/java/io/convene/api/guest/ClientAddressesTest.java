package io.convene.api.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTest {

    private final ClientAddresses behindProxy = new ClientAddresses(List.of("10.0.0.0/8", "2001:db8:ffff::/48"));
    private final ClientAddresses direct = new ClientAddresses(List.of());

    private static MockHttpServletRequest from(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }

    @Test
    void without_trusted_proxies_the_peer_is_the_client_whatever_x_forwarded_for_says() {
        assertThat(direct.key(from("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void a_peer_that_is_not_a_configured_proxy_is_not_believed() {
        assertThat(behindProxy.key(from("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behind_a_trusted_proxy_the_right_most_untrusted_hop_is_the_client() {
        // the client wrote 192.0.2.66 itself (spoofed); the proxy appended the address it saw
        assertThat(behindProxy.key(from("10.1.2.3", "192.0.2.66, 198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(behindProxy.key(from("10.1.2.3", "192.0.2.66, 198.51.100.7, 10.9.9.9"))).isEqualTo("198.51.100.7");
        assertThat(behindProxy.key(from("10.1.2.3", "192.0.2.66", "198.51.100.7"))).isEqualTo("198.51.100.7");
    }

    @Test
    void garbage_in_x_forwarded_for_stops_the_walk_and_names_are_never_resolved() {
        assertThat(behindProxy.key(from("10.1.2.3", "198.51.100.7, evil.example.com"))).isEqualTo("10.1.2.3");
        assertThat(ClientAddresses.literal("localhost")).isNull();
        assertThat(ClientAddresses.literal("1.2.3.example")).isNull();
    }

    @Test
    void ipv6_clients_count_by_their_64_bit_prefix() {
        assertThat(direct.key(from("2001:db8:1:2::1"))).isEqualTo("2001:db8:1:2::/64");
        assertThat(direct.key(from("2001:db8:1:2:ffff:ffff:ffff:ffff"))).isEqualTo("2001:db8:1:2::/64");
        assertThat(direct.key(from("2001:db8:1:3::1"))).isEqualTo("2001:db8:1:3::/64");
        assertThat(behindProxy.key(from("2001:db8:ffff:1::5", "[2001:db8:aa:bb::1]"))).isEqualTo("2001:db8:aa:bb::/64");
    }

    @Test
    void an_ipv4_mapped_address_counts_as_its_ipv4_address_and_ports_are_dropped() {
        assertThat(direct.key(from("::ffff:198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(behindProxy.key(from("10.0.0.1", "198.51.100.7:4711"))).isEqualTo("198.51.100.7");
    }

    @Test
    void a_bad_trusted_proxy_entry_fails_at_startup() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }
}
