package io.convene.workers.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The external-task worker of {@code Task_RetryDelivery}.
 *
 * @param retryPoll     pause between the end of one fetch and the next
 * @param retryLock     how long a fetched retry stays this node's; must exceed the time a task may wait
 *                      for a thread plus the sender's total HTTP timeout (15 s), else another node may
 *                      send it again (same webhook-id) and this node's completion is refused
 * @param retryMaxTasks retries locked and not yet finished on this node at most
 * @param retryThreads  threads sending retries
 */
@ConfigurationProperties("convene.webhooks")
record RetryWorkerProperties(@DefaultValue("250ms") Duration retryPoll,
                             @DefaultValue("60s") Duration retryLock,
                             @DefaultValue("20") int retryMaxTasks,
                             @DefaultValue("8") int retryThreads) {

    RetryWorkerProperties {
        if (retryPoll.isNegative() || retryPoll.isZero() || retryLock.compareTo(Duration.ofSeconds(15)) <= 0
                || retryMaxTasks < 1 || retryThreads < 1) {
            throw new IllegalArgumentException("convene.webhooks.retry-*: poll > 0, lock > 15s, max-tasks and threads >= 1");
        }
    }
}
