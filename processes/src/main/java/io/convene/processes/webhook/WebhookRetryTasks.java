package io.convene.processes.webhook;

import io.convene.processes.webhook.WebhookDeliveryProcess.Variables;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

/**
 * The external-task side of {@code Task_RetryDelivery} (topic {@value WebhookDeliveryProcess#TOPIC})
 * on the engine's own {@link ExternalTaskService}: each call is a short engine transaction of its
 * own, so the worker holds none while it sends.
 */
@Component
public class WebhookRetryTasks {

    /** One locked retry; {@code retries} is null until a failure was reported. */
    public record RetryTask(String id, UUID deliveryId, Integer retries) {}

    private final ExternalTaskService externalTasks;

    WebhookRetryTasks(ExternalTaskService externalTasks) {
        this.externalTasks = externalTasks;
    }

    /** Locks up to {@code max} due retries for {@code workerId} for {@code lock}. */
    public List<RetryTask> lock(String workerId, int max, Duration lock) {
        return externalTasks.fetchAndLock(max, workerId)
                .topic(WebhookDeliveryProcess.TOPIC, lock.toMillis())
                .variables(Variables.DELIVERY)
                .execute().stream()
                .map(WebhookRetryTasks::retryTask)
                .toList();
    }

    /** The retry went as {@code outcome} ({@link WebhookDeliveryProcess.Outcomes}); {@code retryAfter} may be null. */
    public void complete(RetryTask task, String workerId, String outcome, Duration retryAfter) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.OUTCOME, outcome);
        variables.put(Variables.RETRY_AFTER, retryAfter == null ? null : retryAfter.toString());
        externalTasks.complete(task.id(), workerId, variables);
    }

    /** The worker failed (a bug, not a receiver's answer): at {@code retriesLeft} 0 the task becomes an incident. */
    public void fail(RetryTask task, String workerId, String message, String details, int retriesLeft, Duration retryIn) {
        externalTasks.handleFailure(task.id(), workerId, message, details, retriesLeft, retryIn.toMillis());
    }

    private static RetryTask retryTask(LockedExternalTask task) {
        return new RetryTask(task.getId(), UUID.fromString((String) task.getVariables().get(Variables.DELIVERY)),
                task.getRetries());
    }
}
