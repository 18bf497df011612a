package io.convene.domain.event;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Tells this node's outbox relay that a transaction with events just committed, so the events
 * leave within milliseconds instead of up to one poll interval (webhooks' first attempts and
 * sockets wait for them). Signals while the relay is busy coalesce into one more round. Events
 * committed on another node are still found by the relay's poll.
 */
@Component
public class OutboxSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private boolean pending;

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
