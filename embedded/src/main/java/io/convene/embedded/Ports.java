package io.convene.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port helpers: 0 in the configuration means "any free port" (tests use that). */
final class Ports {

    private Ports() {}

    static int resolve(int configured) {
        if (configured != 0) {
            return configured;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    static boolean inUse(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails fast with a message a person can act on, instead of a bind error deep in a server. */
    static void requireFree(int port, String what) {
        if (inUse(port)) {
            throw new IllegalStateException(what + " cannot start: port " + port
                    + " on localhost is already in use (another Convene still running?)."
                    + " Stop it, or choose another port (see README, configuration).");
        }
    }
}
