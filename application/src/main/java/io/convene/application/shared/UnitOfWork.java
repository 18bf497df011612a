package io.convene.application.shared;

import java.sql.SQLException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transaction boundary of every use case: the aggregate, its events and its process
 * instance change together or not at all (Camunda shares Spring's transaction manager).
 *
 * <p>A use case that lost a race — a join while the at-start timer fires on the same process
 * instance, two people leaving at the same instant — is run again as a whole: its transaction
 * rolled back, so that is safe; after the last try the conflict is reported (409). A use case
 * called from inside another one joins the caller's transaction and the caller retries.
 */
@Component
public class UnitOfWork {

    private static final int ATTEMPTS = 4;

    private final TransactionTemplate writes;
    private final TransactionTemplate reads;

    UnitOfWork(PlatformTransactionManager transactions) {
        this.writes = new TransactionTemplate(transactions);
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
    }

    /** Runs {@code work} in one transaction, again if it lost a race. */
    public <T> T write(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get(); // part of a larger use case: its boundary retries
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return writes.execute(tx -> work.get());
            } catch (OptimisticLockingException | OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            } catch (ProcessEngineException e) {
                // a job finishing on the same instance at the same moment can also surface as a
                // foreign-key violation (PostgreSQL 23503) or as "parent execution deleted in the
                // meantime" (ENGINE-03077) instead of an optimistic-locking failure: the same race
                if (attempt == ATTEMPTS || !(isForeignKeyViolation(e) || isDeletedParent(e))) {
                    throw e;
                }
            }
        }
    }

    /** Runs {@code work} in one transaction, again if it lost a race. */
    public void run(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} in one read-only transaction. */
    public <T> T read(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        return reads.execute(tx -> work.get());
    }

    private static boolean isDeletedParent(ProcessEngineException e) {
        return e.getMessage() != null && e.getMessage().startsWith("ENGINE-03077");
    }

    private static boolean isForeignKeyViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("23503".equals(sql.getSQLState())
                    || sql.getNextException() != null && "23503".equals(sql.getNextException().getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
