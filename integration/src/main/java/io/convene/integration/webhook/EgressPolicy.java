package io.convene.integration.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which addresses and host names a webhook may never reach. An explicit list of blocks, checked
 * on the address itself: the JDK's {@code isSiteLocalAddress()} and friends miss CGNAT, ULA,
 * IPv4-compatible IPv6 and more (STACK-NOTES, "Webhook traps"); they are asked too, last.
 * Refusals say which rule, never the address a name resolved to (that would map internal DNS).
 */
final class EgressPolicy {

    private static final List<Cidr> DENIED = List.of(
            Cidr.of("0.0.0.0/8", "a \"this network\" address"),
            Cidr.of("10.0.0.0/8", "a private address"),
            Cidr.of("100.64.0.0/10", "a carrier-grade NAT address"),
            Cidr.of("127.0.0.0/8", "a loopback address"),
            Cidr.of("169.254.0.0/16", "a link-local address, where cloud metadata lives"),
            Cidr.of("172.16.0.0/12", "a private address"),
            Cidr.of("192.0.0.0/24", "an IETF protocol address"),
            Cidr.of("192.0.2.0/24", "a documentation address"),
            Cidr.of("192.168.0.0/16", "a private address"),
            Cidr.of("198.18.0.0/15", "a benchmarking address"),
            Cidr.of("198.51.100.0/24", "a documentation address"),
            Cidr.of("203.0.113.0/24", "a documentation address"),
            Cidr.of("224.0.0.0/4", "a multicast address"),
            Cidr.of("240.0.0.0/4", "a reserved address"),
            Cidr.of("255.255.255.255/32", "the broadcast address"),
            Cidr.of("::/128", "the unspecified address"),
            Cidr.of("::1/128", "a loopback address"),
            Cidr.of("::/96", "an IPv4-compatible IPv6 address"),
            Cidr.of("::ffff:0:0/96", "an IPv4-mapped IPv6 address"),
            Cidr.of("64:ff9b::/96", "a NAT64 address"),
            Cidr.of("100::/64", "a discard-only address"),
            Cidr.of("2001:db8::/32", "a documentation address"),
            Cidr.of("fc00::/7", "a unique local address"),
            Cidr.of("fe80::/10", "a link-local address"),
            Cidr.of("fec0::/10", "a site-local address"),
            Cidr.of("ff00::/8", "a multicast address"));

    // 6to4 carries an IPv4 address in bits 16..47: 2002:7f00:1:: is 127.0.0.1 behind a relay
    private static final Cidr SIX_TO_FOUR = Cidr.of("2002::/16", "a 6to4 address");

    private static final Set<String> METADATA_NAMES = Set.of(
            "localhost", "metadata", "metadata.goog", "metadata.google.internal", "instance-data",
            "instance-data.ec2.internal");
    private static final List<String> INTERNAL_SUFFIXES = List.of(".localhost", ".internal");

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    // WHATWG: a host whose last label is a number is an IPv4 address, in whatever base
    private static final Pattern ENDS_IN_NUMBER = Pattern.compile("(^|.*\\.)([0-9]+|0[xX][0-9a-fA-F]*)");

    private EgressPolicy() {
    }

    /** Why the address is forbidden ({@code "a private address (10.0.0.0/8)"}), or null when it is allowed. */
    static String refusalOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Cidr block : DENIED) {
            if (block.contains(bytes)) {
                return block.what() + " (" + block.notation() + ")";
            }
        }
        if (address instanceof Inet6Address && SIX_TO_FOUR.contains(bytes)) {
            byte[] embedded = {bytes[2], bytes[3], bytes[4], bytes[5]};
            try {
                String inner = refusalOf(InetAddress.getByAddress(embedded));
                if (inner != null) {
                    return "a 6to4 address embedding " + inner;
                }
            } catch (UnknownHostException impossible) { // four bytes are always an address
                return "a 6to4 address";
            }
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return "a local address";
        }
        return null;
    }

    /**
     * Why a host name is forbidden before it is even resolved — a metadata or internal name, or a
     * number written in any other way than a dotted quad ({@code 2130706433}, {@code 0x7f.1},
     * {@code 0177.0.0.1}: parsers disagree on what those mean) — or null.
     */
    static String refusalOfName(String host) {
        String name = normalize(host);
        if (METADATA_NAMES.contains(name) || INTERNAL_SUFFIXES.stream().anyMatch(name::endsWith)) {
            return "a metadata or internal host name";
        }
        if (!isIpLiteral(name) && ENDS_IN_NUMBER.matcher(name).matches()) {
            return "a numeric host not written as a dotted-quad IPv4 address";
        }
        return null;
    }

    static boolean isIpLiteral(String host) {
        return host.contains(":") || DOTTED_QUAD.matcher(host).matches();
    }

    /**
     * One spelling per host: lower case, no brackets, no trailing dot; an address literal as the
     * JDK writes it ({@code ::1} → {@code 0:0:0:0:0:0:0:1}, {@code ::ffff:127.0.0.1} → {@code 127.0.0.1}).
     */
    static String normalize(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (isIpLiteral(name)) {
            try {
                return InetAddress.getByName(name).getHostAddress(); // a literal: parsed, never looked up
            } catch (UnknownHostException notALiteral) {
                return name;
            }
        }
        return name;
    }
}
