package io.convene.api.realtime;

import com.corundumstudio.socketio.AckMode;
import com.corundumstudio.socketio.AuthTokenResult;
import com.corundumstudio.socketio.AuthorizationResult;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketConfig;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import com.corundumstudio.socketio.listener.ExceptionListenerAdapter;
import com.corundumstudio.socketio.namespace.Namespace;
import com.corundumstudio.socketio.protocol.Packet;
import com.corundumstudio.socketio.protocol.PacketType;
import io.convene.api.security.Actors;
import io.convene.api.security.BrowserOrigins;
import io.convene.application.guest.Guest;
import io.convene.application.guest.GuestCredentials;
import io.convene.application.realtime.Delivery;
import io.convene.application.realtime.EventRouting;
import io.convene.application.realtime.PresenceDigest;
import io.convene.application.realtime.SocketContract;
import io.convene.application.realtime.SocketPayloads;
import io.convene.application.realtime.Routing;
import io.convene.application.realtime.SocketSessions;
import io.convene.application.shared.Actor;
import io.netty.channel.ChannelHandlerContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The Socket.IO v4 server (netty-socketio, its own port): authenticates each socket with the
 * REST API's {@link JwtDecoder} before it joins any room, keeps a socket's rooms ({@code user:<id>},
 * {@code meeting:<id>}, {@code presence:<id>}) and emits what the use cases route. It decides
 * nothing about recipients. Inbound events go to {@link InboundEvents}.
 *
 * <p>netty-socketio with EIO=4 fires the connect listener before the CONNECT packet's
 * {@code auth} is read and skips the auth-token listener when no {@code auth} is sent: so a
 * socket counts only once its token passed, and one that sends none is refused with
 * {@code connect_error} after {@code authTimeout}.
 *
 * <p>Nothing blocking runs on Netty's event loop: a socket's connect work, inbound events and
 * disconnect go to its {@link SocketLane} (in order, on the handler pool), and acks are sent from
 * there ({@link AckMode#MANUAL}: netty-socketio's {@code Namespace.onEvent} then sends no empty ack
 * when the listener returns).
 */
public class SocketGateway implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SocketGateway.class);

    /**
     * One authenticated socket; {@code expiresAt} is its token's {@code exp}; {@code lane} runs its work in
     * order. It follows the presence of its {@code subscriptions} ({@code presence:subscribe}) and of its
     * user's {@code peers} (who share a conversation, channel or meeting with them: followed unasked).
     */
    record Session(Actor actor, SocketIOClient client, Set<String> subscriptions, Set<String> peers, Instant expiresAt,
                   AtomicBoolean expired, SocketLane lane) {

        /** Everyone whose presence this socket follows. */
        Set<String> followed() {
            if (peers.isEmpty()) {
                return subscriptions;
            }
            Set<String> all = new java.util.HashSet<>(peers);
            all.addAll(subscriptions);
            return all;
        }
    }

    /** A guest's socket: in its own room only, sends nothing, hears only the guest events (docs/guests.md). */
    record GuestSocket(Guest guest, SocketIOClient client, Instant expiresAt, AtomicBoolean expired) {}

    private final RealtimeProperties properties;
    private final BrowserOrigins origins;
    private final JwtDecoder jwtDecoder;
    private final SocketSessions sessions;
    private final InboundEvents inbound;
    private final Clock clock;
    private final PresenceDigest digest;
    private final Map<UUID, Session> authenticated = new ConcurrentHashMap<>();
    private final Map<UUID, GuestSocket> guests = new ConcurrentHashMap<>();
    /** Sockets whose token is being checked right now (never refused for sending none meanwhile). */
    private final Set<UUID> checking = ConcurrentHashMap.newKeySet();
    private final GuestCredentials guestCredentials;
    private ScheduledExecutorService timers;
    private ThreadPoolExecutor handlers;
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private volatile SocketIOServer server;
    private volatile int port;

    SocketGateway(RealtimeProperties properties, BrowserOrigins origins, JwtDecoder jwtDecoder, SocketSessions sessions,
                  InboundEvents inbound, Clock clock, PresenceDigest digest, GuestCredentials guestCredentials) {
        this.guestCredentials = guestCredentials;
        this.properties = properties;
        this.origins = origins;
        this.jwtDecoder = jwtDecoder;
        this.sessions = sessions;
        this.inbound = inbound;
        this.clock = clock;
        this.digest = digest;
    }

    /** The port it listens on (a free one when configured as 0). */
    public int port() {
        return port;
    }

    @Override
    public void start() {
        port = properties.port() == 0 ? freePort(properties.bindAddress()) : properties.port();
        timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "realtime-timer"));
        // unbounded, yet bounded in fact: it holds at most one drain per socket with work (the lanes
        // bound what waits in them) and the timers' tasks
        handlers = new ThreadPoolExecutor(properties.handlerThreads(), properties.handlerThreads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> daemon(r, "realtime-handler"));
        SocketIOServer created = new SocketIOServer(configuration());
        Namespace root = (Namespace) created.getNamespace(Namespace.DEFAULT_NAME);
        root.addAuthTokenListener(this::authenticate);
        created.addConnectListener(client -> timers.schedule(() -> refuseIfAnonymous(client),
                properties.authTimeout().toMillis(), TimeUnit.MILLISECONDS));
        created.addDisconnectListener(this::disconnected);
        inbound.register(created, this);
        created.start();
        server = created;
        long check = properties.tokenCheck().toMillis();
        timers.scheduleWithFixedDelay(this::expireTokens, check, check, TimeUnit.MILLISECONDS);
        long every = properties.presenceDigest().toMillis();
        timers.scheduleWithFixedDelay(() -> run(this::presenceDigest), every, every, TimeUnit.MILLISECONDS);
        log.info("Socket.IO gateway on {}:{}/socket.io (browser origins {})", properties.bindAddress(), port, origins);
    }

    @Override
    public void stop() {
        SocketIOServer running = server;
        server = null;
        if (running != null) {
            running.stop();
        }
        if (timers != null) {
            timers.shutdownNow();
            handlers.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    private Configuration configuration() {
        Configuration config = new Configuration();
        config.setHostname(properties.bindAddress());
        config.setPort(port);
        config.setContext("/socket.io");
        config.setAckMode(AckMode.MANUAL);             // acks are sent by the handlers, from the handler pool
        config.setTransports(Transport.WEBSOCKET, Transport.POLLING);
        config.setRandomSession(true);                 // never a session id from a cookie
        config.setWebsocketCompression(false);         // memory per connection
        config.setHttpCompression(false);
        config.setMaxFramePayloadLength(properties.maxPayloadBytes());
        config.setMaxHttpContentLength(properties.maxPayloadBytes());
        config.setBossThreads(1);
        config.setWorkerThreads(2);
        origins.single().ifPresent(config::setOrigin);
        // the WebSocket upgrade skips CORS: every handshake's Origin is checked here, against the same
        // convene.web.allowed-origins as the REST API's CORS (a request without Origin is not a browser's)
        config.setAuthorizationListener(handshake -> {
            String origin = handshake.getHttpHeaders().get("Origin");
            return origin == null || origins.allows(origin)
                    ? AuthorizationResult.SUCCESSFUL_AUTHORIZATION : AuthorizationResult.FAILED_AUTHORIZATION;
        });
        config.setJsonSupport(new ConveneJsonSupport(inbound.names()));
        config.setExceptionListener(new ExceptionListenerAdapter() {
            @Override
            public boolean exceptionCaught(ChannelHandlerContext ctx, Throwable e) {
                log.debug("socket error: {}", e.toString());
                ctx.close();
                return true;
            }

            @Override
            public void onAuthException(Throwable e, SocketIOClient client) {
                log.debug("socket auth error: {}", e.toString());
            }
        });
        SocketConfig socket = new SocketConfig();
        socket.setReuseAddress(true);
        config.setSocketConfig(socket);
        return config;
    }

    /** The handshake's {@code auth: {token}}, checked like a REST bearer token. */
    private AuthTokenResult authenticate(Object auth, SocketIOClient client) {
        checking.add(client.getSessionId()); // its token came: no refusal for lack of one while it is checked
        try {
            return check(auth, client);
        } finally {
            checking.remove(client.getSessionId());
        }
    }

    private AuthTokenResult check(Object auth, SocketIOClient client) {
        Object token = auth instanceof Map<?, ?> map ? map.get("token") : null;
        if (!(token instanceof String value) || value.isBlank() || value.length() > 16_384) {
            return new AuthTokenResult(false, error("unauthorized", "no token: connect with auth: {token}"));
        }
        if (GuestCredentials.isGuestCredential(value)) {
            return authenticateGuest(value, client);
        }
        Jwt jwt;
        try {
            jwt = jwtDecoder.decode(value);
        } catch (JwtException e) {
            return new AuthTokenResult(false, error("unauthorized", "the token is not valid or has expired"));
        }
        Actor actor = Actors.of(jwt);
        Instant expiresAt = jwt.getExpiresAt() == null ? clock.instant().plus(Duration.ofHours(1)) : jwt.getExpiresAt();
        Session session = new Session(actor, client, ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet(),
                expiresAt, new AtomicBoolean(),
                new SocketLane(handlers, queuedEvents, properties.maxQueuedPerSocket(), properties.maxQueuedEvents()));
        authenticated.put(client.getSessionId(), session);
        client.joinRoom(Delivery.userRoom(actor.id()));
        session.lane().always(() -> {
            SocketSessions.Connected connected = sessions.connected(actor, client.getSessionId().toString());
            connected.rooms().forEach(client::joinRoom); // the meetings and calls the user is in now
            for (String peer : connected.peers()) { // their presence comes unasked (seed 002 §3.9)
                session.peers().add(peer);
                client.joinRoom(EventRouting.presenceRoom(peer));
            }
            connected.deliveries().forEach(d -> client.sendEvent(d.event(), d.payload()));
        });
        return AuthTokenResult.AuthTokenResultSuccess;
    }

    /**
     * A guest credential: the socket joins the guest's own room and nothing else; it counts for no
     * presence. (One indexed look-up by the credential's hash, on the event loop: the handshake's
     * answer cannot wait for the handler pool.)
     */
    private AuthTokenResult authenticateGuest(String credential, SocketIOClient client) {
        Guest guest;
        try {
            guest = guestCredentials.authenticate(credential).orElse(null);
        } catch (RuntimeException e) {
            log.warn("guest socket: credential not checked: {}", e.toString());
            guest = null;
        }
        if (guest == null) {
            return new AuthTokenResult(false, error("unauthorized", "the guest credential is not valid or has expired"));
        }
        guests.put(client.getSessionId(), new GuestSocket(guest, client, guest.credentialExpiresAt(), new AtomicBoolean()));
        client.joinRoom(Delivery.guestRoom(guest.sessionId().toString()));
        Guest connected = guest; // off the event loop: how many are in its meeting now (it may ask once someone is)
        run(() -> sessions.guestConnected(connected.meetingId()).forEach(d -> client.sendEvent(d.event(), d.payload())));
        return AuthTokenResult.AuthTokenResultSuccess;
    }

    /** True for a guest's socket (it may send no events). */
    boolean isGuest(SocketIOClient client) {
        return guests.containsKey(client.getSessionId());
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("message", message, "data", Map.of("code", code));
    }

    /** No (valid) token by now: {@code connect_error}, then the socket is closed. */
    private void refuseIfAnonymous(SocketIOClient client) {
        if (checking.contains(client.getSessionId())) { // its token is being checked (the first one fetches the keys)
            timers.schedule(() -> refuseIfAnonymous(client), properties.authTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        if (!authenticated.containsKey(client.getSessionId()) && !guests.containsKey(client.getSessionId())
                && client.isChannelOpen()) {
            Packet refusal = new Packet(PacketType.MESSAGE, client.getEngineIOVersion());
            refusal.setSubType(PacketType.ERROR);
            refusal.setNsp(Namespace.DEFAULT_NAME);
            refusal.setData(error("unauthorized", "no token: connect with auth: {token}"));
            client.send(refusal);
            timers.schedule(client::disconnect, 100, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Every {@code token-check}: each socket whose token's {@code exp} is past on the app's clock
     * (Camunda's {@code ClockUtil}, so tests move it) gets {@code auth:expired} and is disconnected.
     */
    public void expireTokens() {
        try {
            Instant now = clock.instant();
            for (Session session : authenticated.values()) {
                if (!session.expiresAt().isAfter(now) && session.expired().compareAndSet(false, true)) {
                    expired(session.client());
                }
            }
            for (GuestSocket guest : guests.values()) {
                if (!guest.expiresAt().isAfter(now) && guest.expired().compareAndSet(false, true)) {
                    expired(guest.client());
                }
            }
        } catch (RuntimeException e) {
            log.warn("token expiry check failed", e);
        }
    }

    /**
     * Every {@code presence-digest}: each socket with subscriptions receives {@code presence:bulk_update}
     * with its subscribed users' presence now, read once for all this node's sockets.
     */
    public void presenceDigest() {
        try {
            List<Session> subscribed = authenticated.values().stream()
                    .filter(s -> !s.subscriptions().isEmpty() || !s.peers().isEmpty()).toList();
            if (subscribed.isEmpty()) {
                return;
            }
            Set<String> ids = new java.util.HashSet<>();
            subscribed.forEach(s -> ids.addAll(s.followed()));
            Map<String, SocketPayloads.PresenceUpdate> current = digest.current(ids);
            for (Session session : subscribed) {
                session.client().sendEvent(SocketContract.PRESENCE_BULK_UPDATE.name(),
                        PresenceDigest.bulkUpdate(List.copyOf(session.followed()), current));
            }
        } catch (RuntimeException e) {
            log.warn("presence digest failed", e);
        }
    }

    /** The token ran out: the client is told why (reconnect with a fresh token), then disconnected. */
    private void expired(SocketIOClient client) {
        client.sendEvent(SocketContract.AUTH_EXPIRED.name(), new SocketPayloads.AuthExpired("token_expired",
                "The access token expired: reconnect with a fresh one."));
        timers.schedule(client::disconnect, 200, TimeUnit.MILLISECONDS);
    }

    private void disconnected(SocketIOClient client) {
        guests.remove(client.getSessionId());
        Session session = authenticated.remove(client.getSessionId());
        if (session != null) { // after the socket's connect work: presence sees connect, then disconnect
            session.lane().always(() -> sessions.disconnected(session.actor().id(), client.getSessionId().toString()));
        }
    }

    /** The authenticated session of {@code client}, or null. */
    Session session(SocketIOClient client) {
        return authenticated.get(client.getSessionId());
    }

    /** Runs blocking work that belongs to no socket (the digest) off Netty's event loop; false when stopping. */
    boolean run(Runnable work) {
        try {
            handlers.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("realtime handler failed", e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Applies a routing: room changes first, then the emits, to this node's sockets only. */
    void apply(Routing routing) {
        SocketIOServer running = server;
        if (running == null) {
            return;
        }
        for (Routing.Membership change : routing.memberships()) {
            for (SocketIOClient client : running.getRoomOperations(Delivery.userRoom(change.userId())).getClients()) {
                if (change.join()) {
                    client.joinRoom(change.room());
                } else {
                    client.leaveRoom(change.room());
                }
            }
        }
        for (Delivery delivery : routing.deliveries()) {
            Set<UUID> sent = new java.util.HashSet<>();
            for (String room : delivery.rooms()) {
                Collection<SocketIOClient> clients = running.getRoomOperations(room).getClients();
                for (SocketIOClient client : clients) {
                    if (sent.add(client.getSessionId())) { // a socket in two of the rooms gets it once
                        client.sendEvent(delivery.event(), delivery.payload());
                    }
                }
            }
        }
        for (String room : routing.closing()) { // after their last event has been written
            for (SocketIOClient client : running.getRoomOperations(room).getClients()) {
                timers.schedule(client::disconnect, 200, TimeUnit.MILLISECONDS);
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}

