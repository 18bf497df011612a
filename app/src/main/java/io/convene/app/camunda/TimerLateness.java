package io.convene.app.camunda;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.TimerEventJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.springframework.stereotype.Component;

/**
 * The {@code convene.timer.lateness} histogram, per process and timer: for every BPMN timer the job
 * executor fires, how long after its due date its transaction committed. Recorded by wrapping the
 * engine's timer job handlers ({@link Measured}); a job that fails and rolls back is not recorded,
 * its successful retry is. Jobs run by hand ({@code ManagementService#executeJob}, tests that move
 * the clock) are not the job executor's timing and are left out.
 */
@Component
class TimerLateness {

    private final MeterRegistry meters;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    TimerLateness(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Wraps every timer handler of the engine's handler map in place. */
    void measure(Map<String, JobHandler> handlers) {
        handlers.replaceAll((type, handler) -> handler instanceof TimerEventJobHandler timer && !(handler instanceof Measured)
                ? new Measured(timer, this) : handler);
    }

    /** Registers the series of every timer of the deployed processes, so dashboards show them before they fire. */
    void registerDeployed(ManagementService management) {
        for (JobDefinition definition : management.createJobDefinitionQuery().list()) {
            if (definition.getJobType().startsWith("timer-")) {
                timer(definition.getProcessDefinitionKey(), definition.getActivityId());
            }
        }
    }

    void record(String process, String timer, Duration lateness) {
        timer(process, timer).record(lateness.isNegative() ? Duration.ZERO : lateness);
    }

    private Timer timer(String process, String timer) {
        String key = process + '\u0000' + timer;
        return timers.computeIfAbsent(key, k -> Timer.builder("convene.timer.lateness")
                .description("how late a BPMN timer fired: its transaction's commit after its due date")
                .tag("process", process == null ? "none" : process)
                .tag("timer", timer == null ? "none" : timer)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters));
    }

    /**
     * A timer handler that records its lateness on commit. Stays a {@link TimerEventJobHandler}: the
     * engine checks for that type to create a repeating timer's next job.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class Measured extends TimerEventJobHandler {

        private final TimerEventJobHandler delegate;
        private final TimerLateness lateness;

        Measured(TimerEventJobHandler delegate, TimerLateness lateness) {
            this.delegate = delegate;
            this.lateness = lateness;
        }

        @Override
        public String getType() {
            return delegate.getType();
        }

        @Override
        public void execute(TimerJobConfiguration configuration, ExecutionEntity execution, CommandContext commandContext,
                            String tenantId) {
            JobEntity job = commandContext.getCurrentJob();
            if (job != null && job.getDuedate() != null && Context.getJobExecutorContext() != null) {
                long due = job.getDuedate().getTime();
                String process = job.getProcessDefinitionKey();
                String timer = configuration.getTimerElementKey();
                commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed ->
                        lateness.record(process, timer, Duration.ofMillis(ClockUtil.getCurrentTime().getTime() - due)));
            }
            delegate.execute(configuration, execution, commandContext, tenantId);
        }

        @Override
        public TimerJobConfiguration newConfiguration(String canonicalString) {
            return delegate.newConfiguration(canonicalString);
        }

        @Override
        public void onDelete(TimerJobConfiguration configuration, JobEntity jobEntity) {
            delegate.onDelete(configuration, jobEntity);
        }
    }
}
