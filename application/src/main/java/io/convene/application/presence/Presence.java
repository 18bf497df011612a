package io.convene.application.presence;

import io.convene.application.shared.Actor;
import io.convene.application.shared.FieldError;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.NotFoundException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.presence.PresenceRow;
import io.convene.domain.presence.Presences;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Who is online and who is in a call. Online = at least one socket open on a live instance, a
 * heartbeat fresher than the window, or the short grace after the last socket closed; in a
 * call = joined a meeting or call and not left. Changes are announced as {@code presence.changed}
 * events only on transitions; heartbeats are kept in memory and written in batches
 * ({@link PresenceSweep}). Never touches the BPMN engine.
 */
@Service
@EnableConfigurationProperties(PresenceProperties.class)
public class Presence {

    /** Most users one read answers for (a channel's members too). */
    public static final int MAX_USERS = 500;
    private static final int MAX_ID_LENGTH = 64;

    /** One user's presence as the portal shows it. */
    /**
     * Seed 002's {@code UserPresence}: {@code lastSeen} is never null (the model's field is not
     * nullable): someone never seen was last seen at the epoch, {@code 1970-01-01T00:00:00Z}.
     */
    public record UserPresence(String userId, String status, Instant lastSeen, boolean inCall) {

        public UserPresence {
            lastSeen = lastSeen == null ? Instant.EPOCH : lastSeen;
        }

        public boolean online() {
            return "online".equals(status);
        }
    }

    private final Presences presences;
    private final PresenceProperties properties;
    private final Clock clock;
    private final HeartbeatBuffer buffer;
    private final PresenceInstance instance;
    private final PresenceAnnouncer announcer;
    private final PresenceSweep sweep;
    private final UnitOfWork work;
    private final ObjectProvider<ChannelMembers> channels;
    private final AtomicBoolean registered = new AtomicBoolean();

    Presence(Presences presences, PresenceProperties properties, Clock clock, HeartbeatBuffer buffer,
             PresenceInstance instance, PresenceAnnouncer announcer, PresenceSweep sweep, UnitOfWork work,
             ObjectProvider<ChannelMembers> channels) {
        this.presences = presences;
        this.properties = properties;
        this.clock = clock;
        this.buffer = buffer;
        this.instance = instance;
        this.announcer = announcer;
        this.sweep = sweep;
        this.work = work;
        this.channels = channels;
    }

    /**
     * I am here (REST or socket): kept in memory and written with the next batch, within
     * {@code flush-interval}; no database write on this thread unless the buffer is full.
     */
    public void heartbeat(String userId) {
        if (buffer.record(userId, clock.millis()) > properties.maxPendingHeartbeats()) {
            sweep.flushHeartbeats(); // back-pressure: memory stays bounded
        }
    }

    /**
     * {@link #heartbeat} for a thread that must never wait (the socket gateway's event loop): records
     * it in memory and returns true, or — when {@code max-pending-heartbeats} users are already
     * waiting for the next batch — records nothing and returns false, and the caller calls
     * {@link #heartbeat} where it may wait for the database.
     */
    public boolean heartbeatWithoutWaiting(String userId) {
        if (buffer.size() >= properties.maxPendingHeartbeats() && buffer.pending(userId) == null) {
            return false;
        }
        buffer.record(userId, clock.millis());
        return true;
    }

    /** An authenticated socket of {@code userId} opened on this instance (the real-time gateway calls this). */
    public void connected(String userId, String connectionId) {
        registerInstance();
        work.run(() -> {
            Instant now = clock.instant();
            PresenceRow row = presences.lock(userId, instance.id(), now);
            presences.connect(connectionId, instance.id(), userId, now);
            announcer.announceIfChanged(row, true, row.inCall(), now);
        });
    }

    /**
     * A socket of {@code userId} closed. If it was their last, they stay online for the grace
     * ({@code disconnect-grace}); the sweep announces them offline after it. A socket whose
     * connection another instance already expired (this one's lease ran out: it hung) changes
     * nothing: that instance announced what followed, and a late goodbye must not bring the user back.
     */
    public void disconnected(String userId, String connectionId) {
        work.run(() -> {
            Instant now = clock.instant();
            presences.lock(userId, instance.id(), now);
            if (!presences.disconnect(connectionId, userId, now, now.plus(properties.disconnectGrace()))) {
                return;
            }
            presences.markIfLastSocketClosed(userId, now, now.plus(properties.leaveGrace())); // leaving by disconnect
            PresenceRow after = presences.lock(userId, instance.id(), now);
            announcer.announceIfChanged(after, after.onlineAt(now, staleBefore(now), pending(userId)),
                    after.inCall(), after.lastSeen());
        });
    }

    /**
     * In the caller's transaction (a join or a leave): announces {@code inCall} if it changed.
     * Online/offline is left as announced.
     */
    public void inCallMayHaveChanged(String userId) {
        work.run(() -> {
            PresenceRow row = presences.lock(userId, instance.id(), clock.instant());
            boolean inCall = !presences.inCall(List.of(userId)).isEmpty();
            announcer.announceIfChanged(row, "online".equals(row.status()), inCall, row.lastSeen());
        });
    }

    // --- leaving by disconnect (docs/presence.md): the meeting feature asks, presence never calls it ------

    /** Whether {@code userId} has a socket open now, on any live instance (a join now is tracked by it). */
    public boolean hasLiveSocket(String userId) {
        return work.read(() -> {
            PresenceRow row = presences.of(List.of(userId), instance.id(), clock.instant()).get(userId);
            return row != null && row.connected();
        });
    }

    /**
     * In the caller's transaction (a leave by disconnect), with {@code userId}'s row locked until it
     * ends (a reconnect waits for it, or is seen by it): true when they have had no live socket for at
     * least {@code leave-grace}.
     */
    public boolean socketsGoneForLeaveGrace(String userId) {
        return work.write(() -> {
            Instant now = clock.instant();
            return presences.socketlessSince(userId, instance.id(), now)
                    .filter(since -> !since.isAfter(now.minus(properties.leaveGrace()))).isPresent();
        });
    }

    /**
     * Claims (one short transaction) up to {@code limit} users whose leave check is due: their last
     * socket closed {@code leave-grace} ago, or their node was found dead as long ago. Each is returned
     * once; the leave itself checks again that no socket came back.
     */
    public List<String> dueToLeave(int limit) {
        return work.write(() -> presences.claimDueLeaves(clock.instant(), limit));
    }

    /** The meetings and calls {@code userId} is in by a join their sockets track (at most {@code limit}). */
    public List<String> trackedParticipations(String userId, int limit) {
        return work.read(() -> presences.trackedParticipations(userId, limit));
    }

    /**
     * The fallback: up to {@code limit} tracked participations whose user has had no live socket for
     * longer than {@code leave-grace} (whether or not a leave check is pending for them).
     */
    public List<Presences.TrackedParticipation> socketlessParticipations(int limit) {
        return work.read(() -> {
            Instant now = clock.instant();
            return presences.socketlessParticipations(instance.id(), now, now.minus(properties.leaveGrace()), limit);
        });
    }

    /** Online or offline, last seen and in a call, for each distinct id in order (at most {@value #MAX_USERS}). */
    public List<UserPresence> of(List<String> userIds) {
        return of("ids", userIds);
    }

    /** As {@link #of(List)}; {@code field} names the ids in an error (seed 002's client sends {@code userIds}). */
    public List<UserPresence> of(String field, List<String> userIds) {
        List<String> ids = validIds(field, userIds);
        return work.read(() -> {
            Instant now = clock.instant();
            Instant staleBefore = staleBefore(now);
            Map<String, PresenceRow> rows = presences.of(ids, instance.id(), now);
            Set<String> inCall = presences.inCall(ids);
            return ids.stream().map(id -> {
                PresenceRow row = rows.get(id);
                Instant pending = pending(id);
                boolean online = row == null ? pending != null && pending.isAfter(staleBefore)
                        : row.onlineAt(now, staleBefore, pending);
                Instant lastSeen = row == null ? pending : latest(row.lastSeen(), pending);
                return new UserPresence(id, online ? "online" : "offline", lastSeen, inCall.contains(id));
            }).toList();
        });
    }

    /** The peer of a 1:1 conversation. */
    public UserPresence ofUser(String userId) {
        if (userId == null || userId.isBlank() || userId.length() > MAX_ID_LENGTH) {
            throw new InvalidInputException("userId", "must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        return of(List.of(userId)).get(0);
    }

    /** The members of a portal channel the caller is in; 404 without a portal or for an outsider. */
    public List<UserPresence> ofChannel(String channelId, Actor actor) {
        if (channelId == null || channelId.isBlank() || channelId.length() > 200) {
            throw new InvalidInputException("channelId", "must be 1 to 200 characters");
        }
        ChannelMembers members = channels.getIfAvailable();
        if (members == null) {
            throw new PortalNotConfigured();
        }
        List<String> ids = members.of(channelId, actor.id())
                .orElseThrow(() -> new NotFoundException("channel", channelId));
        return ids.isEmpty() ? List.of() : of(ids.stream().distinct().limit(MAX_USERS).toList());
    }

    /** The ones of {@code userIds} who are online now. */
    public Set<String> online(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return of(List.copyOf(userIds)).stream().filter(UserPresence::online).map(UserPresence::userId)
                .collect(Collectors.toSet());
    }

    private void registerInstance() {
        if (!registered.get()) {
            sweep.renewLease();
            registered.set(true);
        }
    }

    private Instant staleBefore(Instant now) {
        return now.minus(properties.onlineWindow());
    }

    private Instant pending(String userId) {
        Long millis = buffer.pending(userId);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static List<String> validIds(String field, List<String> userIds) {
        if (userIds == null || userIds.isEmpty()) {
            throw new InvalidInputException(field, "must name at least one user");
        }
        List<String> ids = userIds.stream().distinct().toList();
        if (ids.size() > MAX_USERS) {
            throw new InvalidInputException(field, "at most " + MAX_USERS + " users");
        }
        List<FieldError> errors = new ArrayList<>();
        for (String id : ids) {
            if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
                errors.add(new FieldError(field, "each user id must be 1 to " + MAX_ID_LENGTH + " characters"));
                break;
            }
        }
        InvalidInputException.throwIfAny(errors);
        return ids;
    }
}
