package io.convene.application.presence;

import io.convene.application.shared.UnitOfWork;
import io.convene.domain.presence.PresenceRow;
import io.convene.domain.presence.Presences;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The clock of presence, run by a scheduler (never the BPMN engine): writes the pending
 * heartbeats in batches, renews this instance's lease, expires dead instances' connections and
 * announces who went offline (grace over, heartbeat stale, instance dead) and who left their
 * last call by a way that did not say so (the host ended it, a removal, the process's fallback).
 * Safe on every instance at once: rows being handled elsewhere are skipped.
 */
@Service
public class PresenceSweep {

    /** What one sweep did. */
    public record Swept(int heartbeatsWritten, int instancesExpired, int wentOffline, int leftCalls) {}

    private static final int BATCH = 500;

    private final Presences presences;
    private final PresenceProperties properties;
    private final Clock clock;
    private final HeartbeatBuffer buffer;
    private final PresenceInstance instance;
    private final PresenceAnnouncer announcer;
    private final UnitOfWork work;

    PresenceSweep(Presences presences, PresenceProperties properties, Clock clock, HeartbeatBuffer buffer,
                  PresenceInstance instance, PresenceAnnouncer announcer, UnitOfWork work) {
        this.presences = presences;
        this.properties = properties;
        this.clock = clock;
        this.buffer = buffer;
        this.instance = instance;
        this.announcer = announcer;
        this.work = work;
    }

    /**
     * Writes every pending heartbeat, {@value HeartbeatBuffer#BATCH} users per statement, and
     * announces those who were offline. A failed batch stays in the buffer. Returns users written.
     */
    public int flushHeartbeats() {
        int written = 0;
        int rounds = buffer.size() / HeartbeatBuffer.BATCH + 1; // what is pending now; newer ones wait for the next flush
        for (int round = 0; round < rounds && buffer.size() > 0; round++) {
            HeartbeatBuffer.Batch batch = buffer.take();
            if (batch.userIds().length == 0) {
                break;
            }
            work.run(() -> {
                for (PresenceRow cameOnline : presences.heartbeats(batch.userIds(), batch.epochMillis())) {
                    announcer.append(cameOnline.userId(), "online", cameOnline.lastSeen(), cameOnline.inCall());
                }
            }); // a failed write leaves the batch in the buffer for the next flush
            buffer.written(batch);
            written += batch.userIds().length;
        }
        return written;
    }

    /** This instance's sockets count for {@code instance-lease} from now. */
    public void renewLease() {
        Instant now = clock.instant();
        work.run(() -> presences.renewInstance(instance.id(), now, now.plus(properties.instanceLease())));
    }

    /** One pass: heartbeats written, lease renewed, dead instances expired, transitions announced. */
    public synchronized Swept sweep() {
        int written = flushHeartbeats();
        renewLease();
        Instant now = clock.instant();
        int expired = work.write(() -> {
            presences.markUsersOfExpiredInstances(instance.id(), now, now.plus(properties.leaveGrace())); // leaving by disconnect
            return presences.expireInstances(instance.id(), now);
        });
        Instant staleBefore = now.minus(properties.onlineWindow());
        int offline = 0;
        int batch;
        do {
            batch = work.write(() -> {
                List<PresenceRow> gone = presences.lockGoneOffline(instance.id(), now, staleBefore, BATCH);
                gone.forEach(row -> announcer.announceIfChanged(row, false, row.inCall(), row.lastSeen()));
                return gone.size();
            });
            offline += batch;
        } while (batch == BATCH);
        int left = 0;
        do {
            batch = work.write(() -> {
                List<PresenceRow> rows = presences.lockLeftCalls(BATCH);
                rows.forEach(row -> announcer.announceIfChanged(row, "online".equals(row.status()), false,
                        row.lastSeen()));
                return rows.size();
            });
            left += batch;
        } while (batch == BATCH);
        return new Swept(written, expired, offline, left);
    }
}
