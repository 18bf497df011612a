package io.convene.api.realtime;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One socket's work (its connect, its inbound events, its disconnect), run in the order it came
 * on the gateway's shared handler pool — never on Netty's event loop, and at most one task of a
 * socket at a time. Inbound events are bounded per socket and across the gateway
 * ({@link #offer}); the socket's own connect and disconnect are always taken ({@link #always}),
 * so presence never misses a closed socket.
 */
final class SocketLane {

    private static final Logger log = LoggerFactory.getLogger(SocketLane.class);

    /** Tasks one drain runs before it yields the thread to other sockets. */
    private static final int BURST = 16;

    private final Executor pool;
    private final AtomicInteger gatewayQueued;
    private final int maxQueued;
    private final int maxGatewayQueued;
    private final Queue<Task> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    private record Task(Runnable work, boolean counted) {}

    /**
     * @param gatewayQueued    inbound events queued on all sockets (shared by every lane)
     * @param maxQueued        inbound events one socket may have waiting
     * @param maxGatewayQueued inbound events all sockets may have waiting
     */
    SocketLane(Executor pool, AtomicInteger gatewayQueued, int maxQueued, int maxGatewayQueued) {
        this.pool = pool;
        this.gatewayQueued = gatewayQueued;
        this.maxQueued = maxQueued;
        this.maxGatewayQueued = maxGatewayQueued;
    }

    /** Queues an inbound event's work; false (nothing queued) when this socket or the gateway is full. */
    boolean offer(Runnable work) {
        if (queued.incrementAndGet() > maxQueued) {
            queued.decrementAndGet();
            return false;
        }
        if (gatewayQueued.incrementAndGet() > maxGatewayQueued) {
            gatewayQueued.decrementAndGet();
            queued.decrementAndGet();
            return false;
        }
        tasks.add(new Task(work, true));
        schedule();
        return true;
    }

    /** Queues the socket's own lifecycle work (connect, disconnect): never refused, one of each per socket. */
    void always(Runnable work) {
        tasks.add(new Task(work, false));
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                scheduled.set(false); // the gateway is stopping
            }
        }
    }

    private void drain() {
        for (int run = 0; run < BURST; run++) {
            Task task = tasks.poll();
            if (task == null) {
                break;
            }
            try {
                task.work().run();
            } catch (RuntimeException e) {
                log.warn("realtime handler failed", e);
            } finally {
                if (task.counted()) {
                    queued.decrementAndGet();
                    gatewayQueued.decrementAndGet();
                }
            }
        }
        scheduled.set(false);
        if (!tasks.isEmpty()) {
            schedule(); // more came meanwhile, or the burst ran out: back in the pool's queue, behind the others
        }
    }
}
