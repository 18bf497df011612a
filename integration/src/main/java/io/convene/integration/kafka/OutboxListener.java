package io.convene.integration.kafka;

import io.convene.domain.event.OutboxSignal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * LISTENs on {@code convene_outbox}, which the outbox table's trigger NOTIFYs at the commit of
 * every transaction that adds events (V10_1), and wakes the relay: a commit on another node, or
 * by any other writer of the table, reaches Kafka in milliseconds, as a local commit does
 * through {@link OutboxSignal}. Holds one connection of the pool; when the database is away it
 * tries again every few seconds, and the relay's poll covers the gap.
 */
public class OutboxListener implements SmartLifecycle {

    static final String CHANNEL = "convene_outbox";
    private static final Logger log = LoggerFactory.getLogger(OutboxListener.class);

    private final DataSource dataSource;
    private final OutboxSignal signal;
    private volatile Thread thread;
    private volatile boolean listening;

    public OutboxListener(DataSource dataSource, OutboxSignal signal) {
        this.dataSource = dataSource;
        this.signal = signal;
    }

    /** True while a connection listens (for tests and health). */
    public boolean listening() {
        return listening;
    }

    /** A commit with events happened; {@code transactionId} is the committed transaction's id. */
    protected void heard(String transactionId) {
        signal.signal();
    }

    @Override
    public void start() {
        Thread started = new Thread(this::run, "outbox-listener");
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                listening = true;
                signal.databaseHeard(true);
                signal.signal(); // anything committed while nobody listened
                while (thread == Thread.currentThread()) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            heard(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (thread != Thread.currentThread()) {
                    return;
                }
                log.debug("outbox listener: connection lost, the relay's poll covers until it is back: {}", e.toString());
            } finally {
                listening = false;
                signal.databaseHeard(false); // local commits signal the relay themselves again
            }
            try {
                Thread.sleep(2000); // the database is away: try again shortly
            } catch (InterruptedException e) {
                return;
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
