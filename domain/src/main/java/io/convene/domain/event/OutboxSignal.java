package io.convene.domain.event;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Tells this node's outbox relay that a transaction with events just committed, so the events
 * leave within milliseconds instead of up to one poll interval (webhooks' first attempts and
 * sockets wait for them). Signals while the relay is busy coalesce into one more round. While the
 * database's commit notifications are heard (every commit, any node's: the outbox listener), they
 * alone wake the relay and local commits signal nothing more — one relay round per commit, not two.
 */
@Component
public class OutboxSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private boolean pending;
    private volatile boolean databaseHeard;

    /** Whether commits reach the relay through the database's notifications now (set by their listener). */
    public void databaseHeard(boolean heard) {
        databaseHeard = heard;
    }

    public boolean databaseHeard() {
        return databaseHeard;
    }

    public void signal() {
        lock.lock();
        try {
            pending = true;
            committed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits at most {@code timeout} for a signal; true when one came (and consumes it). */
    public boolean await(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!pending && nanos > 0) {
                nanos = committed.awaitNanos(nanos);
            }
            boolean signalled = pending;
            pending = false;
            return signalled;
        } finally {
            lock.unlock();
        }
    }
}
