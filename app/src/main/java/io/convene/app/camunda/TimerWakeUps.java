package io.convene.app.camunda;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Wakes Camunda's job executor when a timer becomes due, so a timer fires within milliseconds of
 * its due time instead of whenever the acquisition thread next polls (up to {@code max-wait}
 * later). Two sources of due dates:
 * <ul>
 * <li>every timer this node schedules, right after its transaction commits
 * ({@link WakingJobManager});</li>
 * <li>a look-ahead scan every {@code scan-interval} of the timers due within {@code horizon}: the
 * ones other nodes created, the ones scheduled before a restart, and due dates changed through
 * the API.</li>
 * </ul>
 * Polling stays the durable fallback: a lost wake-up only means the timer fires at the next poll,
 * as without this. Wake-ups are kept in memory only for the next {@code horizon}, one per
 * distinct due millisecond, at most {@link #MAX_PENDING}.
 */
@Component
class TimerWakeUps {

    private static final Logger log = LoggerFactory.getLogger(TimerWakeUps.class);
    static final int MAX_PENDING = 100_000;
    private static final int SCAN_LIMIT = 50_000;

    private final Duration horizon;
    private final Duration scanInterval;
    private final ConcurrentHashMap<Long, Boolean> pending = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;
    private volatile JobExecutor jobExecutor;
    private volatile ManagementService management;
    private volatile long lastWakeUp;

    TimerWakeUps(@Value("${convene.timers.wake-up.horizon:PT2M}") Duration horizon,
                 @Value("${convene.timers.wake-up.scan-interval:PT30S}") Duration scanInterval) {
        if (scanInterval.compareTo(horizon) >= 0) {
            throw new IllegalArgumentException("convene.timers.wake-up.scan-interval (" + scanInterval
                    + ") must be shorter than its horizon (" + horizon + "), or timers slip between two scans");
        }
        this.horizon = horizon;
        this.scanInterval = scanInterval;
    }

    /** Called once the engine is built: starts the wake-up thread and the look-ahead scan. */
    synchronized void start(JobExecutor executor, ManagementService managementService) {
        if (scheduler != null) {
            return;
        }
        this.jobExecutor = executor;
        this.management = managementService;
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "camunda-timer-wake-ups");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::scan, 0, scanInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @jakarta.annotation.PreDestroy
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
            pending.clear();
        }
    }

    /** Wakes the job executor at {@code dueDate} (engine clock), if that is within the horizon. */
    void wakeAt(Date dueDate) {
        ScheduledExecutorService current = scheduler;
        if (current == null || dueDate == null) {
            return;
        }
        long due = dueDate.getTime();
        long delay = due - ClockUtil.getCurrentTime().getTime();
        if (delay > horizon.toMillis()) {
            return; // the look-ahead scan schedules it when it comes within the horizon
        }
        if (delay <= 0) {
            return; // due already: the engine hinted the executor itself (JobManager, due before its next poll)
        }
        if (pending.size() >= MAX_PENDING || pending.putIfAbsent(due, Boolean.TRUE) != null) {
            return; // one wake-up per due millisecond; beyond the cap, polling finds it
        }
        try {
            // +1 ms: the acquisition query takes the jobs with a due date <= its "now"
            current.schedule(() -> {
                pending.remove(due);
                wake();
            }, delay + 1, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            pending.remove(due); // shutting down
        }
    }

    boolean isPending(Date dueDate) {
        return pending.containsKey(dueDate.getTime());
    }

    /** Engine-clock time of the last wake-up (0 before the first): for tests and the startup report. */
    long lastWakeUp() {
        return lastWakeUp;
    }

    private void wake() {
        JobExecutor executor = jobExecutor;
        if (executor != null) {
            lastWakeUp = ClockUtil.getCurrentTime().getTime();
            executor.jobWasAdded();
        }
    }

    void scan() {
        try {
            Date now = ClockUtil.getCurrentTime();
            Date until = new Date(now.getTime() + horizon.toMillis());
            List<Job> due = management.createJobQuery().timers().active()
                    .duedateHigherThan(now).duedateLowerThan(until)
                    .orderByJobDuedate().asc().listPage(0, SCAN_LIMIT);
            Long last = null;
            for (Job job : due) {
                long at = job.getDuedate().getTime();
                if (last == null || at != last) {
                    wakeAt(job.getDuedate());
                    last = at;
                }
            }
        } catch (RuntimeException e) {
            log.warn("The timer look-ahead scan failed ({}); timers are found by polling until the next scan", e.toString());
        }
    }
}
