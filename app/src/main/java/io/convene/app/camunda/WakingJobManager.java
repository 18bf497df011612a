package io.convene.app.camunda;

import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

/**
 * Camunda's {@link JobManager}, plus: when a timer is scheduled (or a job rescheduled), its due date
 * goes to {@link TimerWakeUps} once the transaction has committed. The engine itself hints the job
 * executor only for timers due before its next poll.
 */
class WakingJobManager extends JobManager {

    private final TimerWakeUps wakeUps;

    WakingJobManager(TimerWakeUps wakeUps) {
        this.wakeUps = wakeUps;
    }

    @Override
    public void schedule(TimerEntity timer) {
        super.schedule(timer);
        wakeAfterCommit(timer.getDuedate());
    }

    @Override
    public void reschedule(JobEntity job, Date newDuedate) {
        super.reschedule(job, newDuedate);
        wakeAfterCommit(newDuedate);
    }

    private void wakeAfterCommit(Date dueDate) {
        if (dueDate == null || Context.getCommandContext() == null) {
            return;
        }
        Context.getCommandContext().getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTED, context -> wakeUps.wakeAt(dueDate));
    }

    /** Opens a {@link WakingJobManager} wherever the engine asks for its JobManager session. */
    static final class Factory implements SessionFactory {

        private final TimerWakeUps wakeUps;

        Factory(TimerWakeUps wakeUps) {
            this.wakeUps = wakeUps;
        }

        @Override
        public Class<?> getSessionType() {
            return JobManager.class;
        }

        @Override
        public Session openSession() {
            return new WakingJobManager(wakeUps);
        }
    }
}
