package io.convene.api.realtime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Socket.IO gateway's settings ({@code convene.realtime}). The browser origins it accepts are
 * the REST API's, {@code convene.web.allowed-origins} ({@link io.convene.api.security.BrowserOrigins}).
 *
 * @param enabled          false = no Socket.IO server and no events consumer on this node
 * @param port             its own port (0 = a free one, for tests)
 * @param bindAddress      the address it listens on, like the API's
 * @param authTimeout      a socket that has not sent a valid token by then is refused
 * @param maxSubscriptions presence subscriptions per socket
 * @param maxPayloadBytes  the largest frame or polling body accepted
 * @param handlerThreads   threads that run inbound events and connects (never on Netty's event loop)
 * @param maxQueuedPerSocket inbound events one socket may have waiting (they run one at a time, in order);
 *                           beyond it the event is answered with a 503 problem
 * @param maxQueuedEvents  inbound events all sockets of this node may have waiting; beyond it, 503
 * @param presenceDigest   how often each socket with subscriptions receives {@code presence:bulk_update}
 * @param tokenCheck       how often each socket's token {@code exp} is checked against the app's clock
 */
@ConfigurationProperties("convene.realtime")
public record RealtimeProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("8081") int port,
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue("5s") Duration authTimeout,
        @DefaultValue("500") int maxSubscriptions,
        @DefaultValue("1048576") int maxPayloadBytes,
        @DefaultValue("4") int handlerThreads,
        @DefaultValue("50") int maxQueuedPerSocket,
        @DefaultValue("1000") int maxQueuedEvents,
        @DefaultValue("1s") Duration tokenCheck,
        @DefaultValue("60s") Duration presenceDigest) {
}
