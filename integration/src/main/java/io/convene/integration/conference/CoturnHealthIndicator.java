package io.convene.integration.conference;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the TURN/STUN server answers: a STUN Binding request (RFC 8489) over UDP to the first
 * {@code turn:}/{@code stun:} URI — coturn answers it without credentials — or, for {@code turns:}
 * and {@code ?transport=tcp} URIs, a TCP connect. UNKNOWN when no TURN or STUN URI is configured.
 * Every answer carries a {@code reason}. Shown as the {@code coturn} health component and at
 * {@code /health/coturn}.
 */
@Component("coturnHealthIndicator")
class CoturnHealthIndicator implements HealthIndicator {

    static final int TIMEOUT_MILLIS = 2000;
    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final short BINDING_REQUEST = 0x0001;
    private static final short BINDING_SUCCESS = 0x0101;

    private final List<String> uris;
    private final SecureRandom random = new SecureRandom();

    CoturnHealthIndicator(ConferenceProperties conference) {
        List<String> all = new ArrayList<>(conference.turn().uris());
        all.addAll(conference.turn().stunUris());
        this.uris = List.copyOf(all);
    }

    @Override
    public Health health() {
        if (uris.isEmpty()) {
            return Health.unknown().withDetail("reason", "no TURN or STUN server is configured (TURN_URIS, STUN_URIS)")
                    .build();
        }
        String uri = uris.get(0);
        try {
            Target target = Target.parse(uri);
            String how = target.tcp() ? probeTcp(target) : probeStun(target);
            return Health.up().withDetail("uri", uri).withDetail("reason", how).build();
        } catch (Exception e) {
            return Health.down().withDetail("uri", uri).withDetail("reason", "no answer ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")")
                    .build();
        }
    }

    private String probeStun(Target target) throws IOException {
        byte[] transaction = new byte[12];
        random.nextBytes(transaction);
        ByteBuffer request = ByteBuffer.allocate(20)
                .putShort(BINDING_REQUEST).putShort((short) 0).putInt(MAGIC_COOKIE).put(transaction);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(target.host(), target.port()));
            socket.send(new DatagramPacket(request.array(), 20));
            byte[] buffer = new byte[1500];
            DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
            socket.receive(answer);
            ByteBuffer response = ByteBuffer.wrap(buffer, 0, answer.getLength());
            if (answer.getLength() < 20 || response.getShort(0) != BINDING_SUCCESS
                    || response.getInt(4) != MAGIC_COOKIE
                    || !Arrays.equals(Arrays.copyOfRange(buffer, 8, 20), transaction)) {
                throw new IOException("not a STUN Binding success response");
            }
            return "STUN Binding request over UDP answered";
        }
    }

    private static String probeTcp(Target target) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), TIMEOUT_MILLIS);
            return "TCP connect succeeded";
        }
    }

    /** {@code turn:host[:port][?transport=udp|tcp]}, {@code turns:…}, {@code stun:…}, {@code stuns:…} (RFC 7064/7065). */
    record Target(String host, int port, boolean tcp) {
        static Target parse(String uri) {
            String lower = uri.toLowerCase(Locale.ROOT);
            int colon = lower.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("not a TURN/STUN URI: " + uri);
            }
            String scheme = lower.substring(0, colon);
            boolean secure = scheme.equals("turns") || scheme.equals("stuns");
            String rest = uri.substring(colon + 1);
            int query = rest.indexOf('?');
            boolean tcp = secure || (query >= 0 && rest.substring(query).toLowerCase(Locale.ROOT).contains("transport=tcp"));
            String hostPort = query >= 0 ? rest.substring(0, query) : rest;
            int defaultPort = secure ? 5349 : 3478;
            if (hostPort.startsWith("[")) { // IPv6 literal
                int end = hostPort.indexOf(']');
                String host = hostPort.substring(1, end);
                String port = hostPort.substring(end + 1);
                return new Target(host, port.startsWith(":") ? Integer.parseInt(port.substring(1)) : defaultPort, tcp);
            }
            int portColon = hostPort.lastIndexOf(':');
            return portColon < 0 ? new Target(hostPort, defaultPort, tcp)
                    : new Target(hostPort.substring(0, portColon), Integer.parseInt(hostPort.substring(portColon + 1)), tcp);
        }
    }
}
