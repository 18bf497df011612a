package io.convene.application.shared;

import io.micrometer.core.instrument.Counter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A counter of facts a transaction decides: it counts when the current transaction commits, and
 * not at all when it rolls back. So a use case that {@link UnitOfWork} runs again after it lost a
 * race, or a job the engine retries after its transaction failed, counts once — the run that
 * committed. Outside a transaction it counts at once.
 */
public final class CommittedCounter {

    private final Counter counter;

    public CommittedCounter(Counter counter) {
        this.counter = counter;
    }

    public void increment() {
        increment(1);
    }

    public void increment(int amount) {
        if (amount <= 0) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment(amount);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment(amount);
            }
        });
    }
}
