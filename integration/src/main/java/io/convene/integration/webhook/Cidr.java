package io.convene.integration.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** One block of addresses, {@code 10.0.0.0/8} or {@code fc00::/7}, with what it is for (said in refusals). */
record Cidr(byte[] network, int prefix, String notation, String what) {

    /** Parses a literal block; never asks DNS (the notation is always an address literal). */
    static Cidr of(String notation, String what) {
        int slash = notation.indexOf('/');
        try {
            byte[] network = literalBytes(notation.substring(0, slash));
            int prefix = Integer.parseInt(notation.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("prefix out of range: " + notation);
            }
            return new Cidr(network, prefix, notation, what);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a block: " + notation, e);
        }
    }

    /** True when the address (of the same family) lies in this block. */
    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[whole] & mask) == (network[whole] & mask);
    }

    // InetAddress.getByAddress needs bytes; the JDK's literal parser hides behind getByName, which is
    // safe for a literal (no lookup) — and these notations are constants of this package.
    private static byte[] literalBytes(String literal) throws UnknownHostException {
        byte[] bytes = InetAddress.getByName(literal).getAddress();
        if (literal.contains(":") && bytes.length == 4) { // ::ffff:0:0 comes back as an IPv4 address
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            return mapped;
        }
        return bytes;
    }
}
