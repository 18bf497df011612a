package io.convene.api.meeting;

import java.util.function.Supplier;
import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Runs a transactional use case again when it lost a race — a join while the
 * at-start timer fires on the same process instance, two people leaving at the
 * same instant. The whole transaction rolled back, so running it again is safe;
 * after the last try the conflict is reported (409).
 */
@Component
public class ConcurrentChangeRetry {

    private static final int ATTEMPTS = 4;

    public <T> T run(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
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

    private static boolean isDeletedParent(ProcessEngineException e) {
        return e.getMessage() != null && e.getMessage().startsWith("ENGINE-03077");
    }

    private static boolean isForeignKeyViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23503".equals(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getNextException() != null
                    && "23503".equals(sql.getNextException().getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
