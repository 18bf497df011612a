package io.convene.application.presence;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Heartbeats not yet written: the newest per user, so memory is bounded by the number of
 * distinct users between two flushes (about 100 bytes each), never by the number of calls.
 */
@Component
final class HeartbeatBuffer {

    /** Batch written per statement. */
    static final int BATCH = 5000;

    record Batch(String[] userIds, long[] epochMillis) {}

    private final ConcurrentHashMap<String, Long> pending = new ConcurrentHashMap<>();

    /** Returns how many distinct users are pending now. */
    int record(String userId, long epochMillis) {
        pending.merge(userId, epochMillis, Math::max);
        return pending.size();
    }

    Long pending(String userId) {
        return pending.get(userId);
    }

    int size() {
        return pending.size();
    }

    /**
     * Up to {@link #BATCH} users to write, left in the buffer until {@link #written} says their write
     * committed: until then a reader finds the heartbeat here (it is in the database only after the
     * commit), so nobody reads as offline while their heartbeat is being written.
     */
    Batch take() {
        int n = Math.min(BATCH, pending.size());
        String[] users = new String[n];
        long[] millis = new long[n];
        int i = 0;
        for (Iterator<Map.Entry<String, Long>> it = pending.entrySet().iterator(); it.hasNext() && i < n; ) {
            Map.Entry<String, Long> entry = it.next();
            users[i] = entry.getKey();
            millis[i++] = entry.getValue();
        }
        if (i < n) {
            users = java.util.Arrays.copyOf(users, i);
            millis = java.util.Arrays.copyOf(millis, i);
        }
        return new Batch(users, millis);
    }

    /** The batch is in the database: its heartbeats leave the buffer (a newer one, come meanwhile, stays for the next). */
    void written(Batch batch) {
        for (int i = 0; i < batch.userIds().length; i++) {
            pending.remove(batch.userIds()[i], batch.epochMillis()[i]);
        }
    }

}
