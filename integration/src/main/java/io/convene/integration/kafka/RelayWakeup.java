package io.convene.integration.kafka;

import io.convene.domain.event.OutboxSignal;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the relay as soon as a local transaction with events commits ({@link OutboxSignal}),
 * besides its poll: commit → Kafka in milliseconds. The relay is {@code synchronized}, so a
 * wake-up and a poll never send the same batch twice.
 */
class RelayWakeup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayWakeup.class);

    private final OutboxRelay relay;
    private final OutboxSignal signal;
    private volatile Thread thread;

    RelayWakeup(OutboxRelay relay, OutboxSignal signal) {
        this.relay = relay;
        this.signal = signal;
    }

    @Override
    public void start() {
        Thread started = new Thread(this::run, "outbox-relay-wakeup");
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            try {
                if (signal.await(Duration.ofSeconds(1))) {
                    relay.relay();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.debug("relay wake-up round failed (the poll retries): {}", e.toString());
            }
        }
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
