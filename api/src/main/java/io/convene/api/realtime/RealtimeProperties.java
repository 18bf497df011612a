package io.convene.api.realtime;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Socket.IO gateway's settings ({@code convene.realtime}).
 *
 * @param enabled          false = no Socket.IO server and no events consumer on this node
 * @param port             its own port (0 = a free one, for tests)
 * @param bindAddress      the address it listens on, like the API's
 * @param origins          browser origins allowed to connect; a request without Origin (a non-browser client) is allowed
 * @param authTimeout      a socket that has not sent a valid token by then is refused
 * @param maxSubscriptions presence subscriptions per socket
 * @param maxPayloadBytes  the largest frame or polling body accepted
 * @param handlerThreads   threads that run inbound events, and as many for sockets' connect/disconnect bookkeeping (never on Netty's event loop)
 * @param presenceDigest   how often each socket with subscriptions receives {@code presence:bulk_update}
 * @param tokenCheck       how often each socket's token {@code exp} is checked against the app's clock
 */
@ConfigurationProperties("convene.realtime")
public record RealtimeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("8081") int port,
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue({"http://localhost:3000", "http://localhost:8080"}) List<String> origins,
        @DefaultValue("5s") Duration authTimeout,
        @DefaultValue("500") int maxSubscriptions,
        @DefaultValue("1048576") int maxPayloadBytes,
        @DefaultValue("4") int handlerThreads,
        @DefaultValue("1s") Duration tokenCheck,
        @DefaultValue("60s") Duration presenceDigest) {
}
