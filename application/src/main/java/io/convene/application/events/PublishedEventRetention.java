package io.convene.application.events;

import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.PendingEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * The outbox keeps an event until it has been on Kafka for the retention (the outbox-retention
 * process's literal, P7D); unpublished events stay whatever their age. Deletes in batches, one
 * transaction each, so a large backlog never holds a long lock.
 */
@Service
public class PublishedEventRetention {

    static final int BATCH = 10_000;

    private final PendingEvents outbox;
    private final UnitOfWork work;
    private final Clock clock;

    PublishedEventRetention(PendingEvents outbox, UnitOfWork work, Clock clock) {
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    /** Forgets the events published before now − {@code retention}; returns how many. */
    public long forgetPublishedLongerAgoThan(Duration retention) {
        Instant before = clock.instant().minus(retention);
        long forgotten = 0;
        int batch;
        do {
            batch = work.write(() -> outbox.forgetPublishedBefore(before, BATCH));
            forgotten += batch;
        } while (batch == BATCH);
        return forgotten;
    }
}
