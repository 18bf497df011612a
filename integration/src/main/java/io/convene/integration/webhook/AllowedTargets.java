package io.convene.integration.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The development allow-list ({@code convene.webhooks.egress.allowed-targets}): exact
 * {@code host:port} targets let through although their address is forbidden, e.g. a WireMock on
 * {@code 127.0.0.1:8089}. Exact means exact: another port of the same host stays refused, and so
 * does another spelling of the host ({@code 2130706433:8089} is not {@code 127.0.0.1:8089}).
 */
final class AllowedTargets {

    private static final AllowedTargets NONE = new AllowedTargets(Set.of(), Set.of());

    private final Set<String> targets; // "normalized host:port"
    private final Set<String> hosts;

    private AllowedTargets(Set<String> targets, Set<String> hosts) {
        this.targets = targets;
        this.hosts = hosts;
    }

    /** Parses {@code host:port} / {@code [v6]:port} entries; a malformed one is an IllegalArgumentException. */
    static AllowedTargets parse(List<String> entries) {
        if (entries.isEmpty()) {
            return NONE;
        }
        Set<String> targets = new HashSet<>();
        Set<String> hosts = new HashSet<>();
        for (String entry : entries) {
            int colon = entry.lastIndexOf(':');
            String host = colon > 0 ? entry.substring(0, colon) : "";
            if (host.contains(":") && !(host.startsWith("[") && host.endsWith("]"))) {
                host = ""; // an IPv6 host must be bracketed, else the port is ambiguous
            }
            int port = colon > 0 ? port(entry.substring(colon + 1)) : -1;
            if (host.isBlank() || port < 1) {
                throw new IllegalArgumentException("convene.webhooks.egress.allowed-targets entries are host:port "
                        + "(e.g. 127.0.0.1:8089 or [::1]:8089), was \"" + entry + "\"");
            }
            String normalized = EgressPolicy.normalize(host);
            targets.add(normalized + ":" + port);
            hosts.add(normalized);
        }
        return new AllowedTargets(Set.copyOf(targets), Set.copyOf(hosts));
    }

    boolean isEmpty() {
        return targets.isEmpty();
    }

    /** The URL's target, host as written there. */
    boolean allows(String host, int port) {
        return !targets.isEmpty() && targets.contains(EgressPolicy.normalize(host) + ":" + port);
    }

    /** Any port of this host is listed: its name may resolve to a forbidden address (the socket then checks the port). */
    boolean mentions(String host) {
        return !hosts.isEmpty() && hosts.contains(EgressPolicy.normalize(host));
    }

    /**
     * The address a socket is about to connect to: listed by its address, or by the name it was
     * resolved from (an address from a lookup carries that name; a literal carries none).
     */
    boolean allows(InetSocketAddress endpoint) {
        if (targets.isEmpty()) {
            return false;
        }
        InetAddress address = endpoint.getAddress();
        return allows(address.getHostAddress(), endpoint.getPort()) || allows(endpoint.getHostString(), endpoint.getPort());
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            return port <= 65535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return targets.toString();
    }
}
