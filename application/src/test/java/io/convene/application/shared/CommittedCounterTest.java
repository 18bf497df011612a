package io.convene.application.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class CommittedCounterTest {

    private final Counter counter = Counter.builder("facts").register(new SimpleMeterRegistry());
    private final CommittedCounter facts = new CommittedCounter(counter);
    private final TransactionTemplate transactions = new TransactionTemplate(new NoDatabase());

    @Test
    void a_fact_counts_when_its_transaction_commits_not_before() {
        transactions.executeWithoutResult(tx -> {
            facts.increment(2);
            assertThat(counter.count()).as("not yet committed").isZero();
        });

        assertThat(counter.count()).isEqualTo(2);
    }

    @Test
    void a_transaction_that_rolls_back_counts_nothing_and_its_second_run_counts_once() {
        try {
            transactions.executeWithoutResult(tx -> {
                facts.increment();
                throw new IllegalStateException("lost a race");
            });
        } catch (IllegalStateException expected) {
            // run again, as UnitOfWork does
        }
        transactions.executeWithoutResult(tx -> facts.increment());

        assertThat(counter.count()).isEqualTo(1);
    }

    @Test
    void outside_a_transaction_it_counts_at_once_and_never_counts_nothing() {
        facts.increment();
        facts.increment(0);

        assertThat(counter.count()).isEqualTo(1);
    }

    /** A transaction manager with nothing behind it: Spring's synchronisations, commit and rollback. */
    private static final class NoDatabase extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }
}
