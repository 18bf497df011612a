package io.convene.integration.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * Resolves a receiver's name and refuses it when any address it resolves to is forbidden (a name
 * that answers with one public and one private address is refused whole: that is what DNS
 * rebinding looks like). OkHttp skips this for address literals; {@link PinnedSocketFactory} then
 * checks, and it checks again what this let through, on the address actually connected.
 */
final class EgressDns implements Dns {

    private final AllowedTargets allowed;

    EgressDns(AllowedTargets allowed) {
        this.allowed = allowed;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        boolean listed = allowed.mentions(hostname);
        String nameRefusal = EgressPolicy.refusalOfName(hostname);
        if (nameRefusal != null && !listed) {
            throw new EgressRefusedException("the host is " + nameRefusal);
        }
        List<InetAddress> addresses = List.of(InetAddress.getAllByName(hostname));
        if (!listed) {
            for (InetAddress address : addresses) {
                String refusal = EgressPolicy.refusalOf(address);
                if (refusal != null) {
                    throw new EgressRefusedException("the host resolves to " + refusal);
                }
            }
        }
        return addresses;
    }
}
