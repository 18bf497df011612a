package io.convene.integration.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The deny list on addresses, the name rules, and the two places OkHttp is made to ask them. */
class EgressPolicyTest {

    @ParameterizedTest
    @CsvSource({
            "0.1.2.3, this network", "10.20.30.40, private", "100.64.0.1, carrier-grade NAT",
            "100.127.255.254, carrier-grade NAT", "127.0.0.1, loopback", "127.255.255.254, loopback",
            "169.254.169.254, link-local", "172.16.0.1, private", "172.31.255.255, private",
            "192.0.0.192, IETF", "192.0.2.1, documentation", "192.168.1.1, private", "198.18.0.1, benchmarking",
            "198.19.255.255, benchmarking", "198.51.100.7, documentation", "203.0.113.9, documentation",
            "224.0.0.251, multicast", "239.255.255.250, multicast", "240.0.0.1, reserved", "255.255.255.255, reserved",
            "::, unspecified", "::1, loopback", "::127.0.0.1, IPv4-compatible", "::10.0.0.1, IPv4-compatible",
            "64:ff9b::a00:1, NAT64", "100::1, discard-only", "2001:db8::1, documentation", "fc00::1, unique local",
            "fd12:3456::1, unique local", "fe80::1, link-local", "fec0::1, site-local", "ff02::1, multicast",
            "2002:7f00:1::1, 6to4 address embedding a loopback"})
    void a_forbidden_address_is_refused_with_its_rule(String literal, String rule) throws Exception {
        assertThat(EgressPolicy.refusalOf(InetAddress.getByName(literal))).contains(rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0",
            "192.169.0.1", "198.17.255.255", "198.20.0.0", "223.255.255.255", "2606:4700:4700::1111",
            "2002:808:808::1", "2a00:1450:4001::1"})
    void a_public_address_is_allowed(String literal) throws Exception {
        assertThat(EgressPolicy.refusalOf(InetAddress.getByName(literal))).isNull();
    }

    @Test
    void an_ipv4_mapped_address_is_refused_whether_java_made_it_ipv4_or_kept_it_ipv6() throws Exception {
        InetAddress asJavaParsesIt = InetAddress.getByName("::ffff:127.0.0.1");
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 8, 8, 8, 8};
        InetAddress keptIpv6 = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(asJavaParsesIt).isInstanceOf(java.net.Inet4Address.class);
        assertThat(EgressPolicy.refusalOf(asJavaParsesIt)).contains("loopback");
        assertThat(keptIpv6).isInstanceOf(Inet6Address.class);
        assertThat(EgressPolicy.refusalOf(keptIpv6)).contains("IPv4-mapped");
    }

    @ParameterizedTest
    @ValueSource(strings = {"metadata.google.internal", "METADATA.google.internal.", "metadata", "metadata.goog",
            "instance-data", "localhost", "api.localhost", "anything.internal"})
    void a_metadata_or_internal_name_is_refused_before_any_lookup(String name) {
        assertThat(EgressPolicy.refusalOfName(name)).isEqualTo("a metadata or internal host name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "0x7f.1", "0x7f000001", "017700000001", "0177.0.0.1", "127.1", "127.0.1",
            "1.2.3.4.5", "01.02.03.04", "example.0x10", "host.42"})
    void a_number_written_other_than_as_a_dotted_quad_is_refused(String host) {
        assertThat(EgressPolicy.refusalOfName(host)).isEqualTo("a numeric host not written as a dotted-quad IPv4 address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hooks.example.com", "8.8.8.8", "10.0.0.1", "::1", "api2.example.com", "0x.example.com",
            "1password.com", "123.example.com"})
    void an_ordinary_name_or_a_dotted_quad_passes_the_name_rules(String host) {
        assertThat(EgressPolicy.refusalOfName(host)).isNull(); // addresses are judged once resolved
    }

    @Test
    void the_pinned_socket_refuses_to_connect_to_a_forbidden_address_however_it_was_written() throws Exception {
        PinnedSocketFactory sockets = new PinnedSocketFactory(AllowedTargets.parse(List.of()));
        for (String host : List.of("2130706433", "127.0.0.1", "::1", "::ffff:10.0.0.1", "169.254.169.254")) {
            try (Socket socket = sockets.createSocket()) {
                InetSocketAddress endpoint = new InetSocketAddress(InetAddress.getByName(host), 80);
                assertThatThrownBy(() -> socket.connect(endpoint, 1_000)).as(host)
                        .isInstanceOf(EgressRefusedException.class);
                assertThat(socket.isConnected()).isFalse();
            }
        }
        assertThatThrownBy(() -> sockets.createSocket("127.0.0.1", 80)).isInstanceOf(EgressRefusedException.class);
    }

    @Test
    void the_dns_refuses_a_name_with_any_forbidden_address_and_passes_a_public_one() {
        EgressDns dns = new EgressDns(AllowedTargets.parse(List.of()));

        assertThatThrownBy(() -> dns.lookup("internal.example.test")).isInstanceOf(EgressRefusedException.class)
                .hasMessageContaining("private");
        assertThatThrownBy(() -> dns.lookup("rebinding.example.test")).isInstanceOf(EgressRefusedException.class);
        assertThatThrownBy(() -> dns.lookup("metadata.google.internal")).isInstanceOf(EgressRefusedException.class);
        assertThatCode(() -> dns.lookup("public.example.test")).doesNotThrowAnyException();
    }

    @Test
    void an_allow_listed_name_resolves_to_its_forbidden_address_but_connects_only_on_its_port() throws Exception {
        AllowedTargets allowed = AllowedTargets.parse(List.of("loopback.example.test:8089"));
        EgressDns dns = new EgressDns(allowed);
        PinnedSocketFactory sockets = new PinnedSocketFactory(allowed);

        InetAddress resolved = dns.lookup("loopback.example.test").get(0);

        assertThatCode(() -> sockets.check(new InetSocketAddress(resolved, 8089))).doesNotThrowAnyException();
        assertThatThrownBy(() -> sockets.check(new InetSocketAddress(resolved, 8090))).isInstanceOf(EgressRefusedException.class);
        assertThatThrownBy(() -> sockets.check(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8089)))
                .as("the same address, reached not by the listed name").isInstanceOf(EgressRefusedException.class);
    }

    @Test
    void allow_list_entries_match_the_address_in_any_spelling_of_the_same_literal() {
        AllowedTargets allowed = AllowedTargets.parse(List.of("[::1]:8089", "127.0.0.1:9000"));

        assertThat(allowed.allows("0:0:0:0:0:0:0:1", 8089)).isTrue();
        assertThat(allowed.allows("[::1]", 8089)).isTrue();
        assertThat(allowed.allows("::1", 8090)).isFalse();
        assertThat(allowed.allows("127.0.0.1", 9000)).isTrue();
        assertThat(allowed.allows("127.0.0.2", 9000)).isFalse();
    }
}
