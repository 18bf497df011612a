package io.convene.workers.webhook;

import io.convene.application.webhook.WebhookRetries;
import io.convene.application.webhook.WebhookRetries.RetryResult;
import io.convene.processes.webhook.WebhookRetryTasks;
import io.convene.processes.webhook.WebhookRetryTasks.RetryTask;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RetryDelivery}, the external task {@code webhook-retry}, worked on the embedded
 * engine: a poller fetches and locks due retries every {@code convene.webhooks.retry-poll}, and a
 * small pool sends each one ({@link WebhookRetries#retry}) outside any transaction, then completes
 * the task with {@code outcome} and {@code retryAfter}. A receiver's failure is an outcome; a
 * worker that throws (a bug) is reported as a failure and, after {@value #TRIES} tries
 * {@link #RETRY_IN} apart, is an incident in Cockpit.
 */
@Component
@EnableConfigurationProperties(RetryWorkerProperties.class)
class RetryWebhookDelivery implements SmartLifecycle {

    static final int TRIES = 3;
    static final Duration RETRY_IN = Duration.ofMinutes(1);
    /** Longer than the sender's total HTTP timeout (15 s): a send under way at shutdown finishes. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(RetryWebhookDelivery.class);

    private final WebhookRetries retries;
    private final WebhookRetryTasks tasks;
    private final RetryWorkerProperties settings;
    /** One per node (pid@host): a lock names the node that holds it. */
    private final String workerId = "webhook-retry:" + ManagementFactory.getRuntimeMXBean().getName();
    /** Retries locked by this node and not finished; a fetch asks for the free ones only. */
    private final Semaphore slots;
    private ScheduledExecutorService poller;
    private ExecutorService senders;

    RetryWebhookDelivery(WebhookRetries retries, WebhookRetryTasks tasks, RetryWorkerProperties settings) {
        this.retries = retries;
        this.tasks = tasks;
        this.settings = settings;
        this.slots = new Semaphore(settings.retryMaxTasks());
    }

    @Override
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        senders = new ThreadPoolExecutor(settings.retryThreads(), settings.retryThreads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.retryMaxTasks()), new CustomizableThreadFactory("webhook-retry-"));
        ExecutorService pool = senders;
        poller = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("webhook-retry-poll-"));
        poller.scheduleWithFixedDelay(() -> poll(pool), 0, settings.retryPoll().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService stoppedPoller;
        ExecutorService stoppedSenders;
        synchronized (this) {
            stoppedPoller = poller;
            stoppedSenders = senders;
            poller = null;
            senders = null;
        }
        if (stoppedPoller == null) {
            return;
        }
        stoppedPoller.shutdown();
        stoppedSenders.shutdown();
        // what is still locked and unfinished after the wait is fetched again once its lock runs out
        if (!awaitQuietly(stoppedPoller) || !awaitQuietly(stoppedSenders)) {
            stoppedSenders.shutdownNow();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    /** One fetch: as many due retries as there are free slots, each handed to {@code pool}. */
    void poll(ExecutorService pool) {
        try {
            int free = slots.availablePermits();
            if (free == 0) {
                return;
            }
            for (RetryTask task : tasks.lock(workerId, free, settings.retryLock())) {
                slots.acquireUninterruptibly(); // only this thread acquires, and it asked for free ones only
                try {
                    pool.execute(() -> {
                        try {
                            handle(task);
                        } finally {
                            slots.release();
                        }
                    });
                } catch (RejectedExecutionException stopping) {
                    slots.release(); // stays locked; fetched again when the lock runs out
                }
            }
        } catch (RuntimeException e) {
            log.warn("webhook retries: fetching failed, next try in {}: {}", settings.retryPoll(), e.toString());
        }
    }

    /** Sends one retry and completes its task; a throwing worker or a refused completion is a failure. */
    void handle(RetryTask task) {
        RetryResult result;
        try {
            result = retries.retry(task.deliveryId());
        } catch (RuntimeException e) {
            reportFailure(task, e);
            return;
        }
        try {
            tasks.complete(task, workerId, result.outcome().name(), result.retryAfter());
        } catch (RuntimeException e) {
            reportFailure(task, e); // the model refused it; if the lock was lost this fails too, and is logged
        }
    }

    String workerId() {
        return workerId;
    }

    private void reportFailure(RetryTask task, RuntimeException e) {
        int left = Math.max((task.retries() == null ? TRIES : task.retries()) - 1, 0);
        log.warn("webhook retries: delivery {} failed in the worker ({} tries left): {}", task.deliveryId(), left,
                e.toString());
        try {
            tasks.fail(task, workerId, e.toString(), stackTrace(e), left, RETRY_IN);
        } catch (RuntimeException lost) {
            log.warn("webhook retries: failure of delivery {} not recorded: {}", task.deliveryId(), lost.toString());
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static boolean awaitQuietly(ExecutorService executor) {
        try {
            return executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
