package io.convene.integration.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Plain sockets that check the address they are about to connect to — the pin: whatever OkHttp
 * resolved (or did not resolve, for an address literal), this is the address the bytes go to.
 * TLS is layered on such a socket, so https is checked here too.
 */
final class PinnedSocketFactory extends SocketFactory {

    private final AllowedTargets allowed;

    PinnedSocketFactory(AllowedTargets allowed) {
        this.allowed = allowed;
    }

    /** Refuses a forbidden endpoint unless it is exactly an allow-listed target. */
    void check(SocketAddress endpoint) throws EgressRefusedException {
        if (!(endpoint instanceof InetSocketAddress inet) || inet.isUnresolved()) {
            throw new EgressRefusedException("the connection has no resolved address");
        }
        String refusal = EgressPolicy.refusalOf(inet.getAddress());
        if (refusal != null && !allowed.allows(inet)) {
            throw new EgressRefusedException("the connection would go to " + refusal);
        }
    }

    @Override
    public Socket createSocket() {
        return new PinnedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress endpoint, InetSocketAddress... local) throws IOException {
        Socket socket = new PinnedSocket();
        try {
            if (local.length > 0) {
                socket.bind(local[0]);
            }
            socket.connect(endpoint);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private final class PinnedSocket extends Socket {

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            check(endpoint); // Socket.connect(endpoint) comes here too
            super.connect(endpoint, timeout);
        }
    }
}
