package io.convene.workers.webhook;

import io.convene.application.webhook.WebhookRetries;
import io.convene.processes.webhook.WebhookDeliveryProcess;
import io.convene.processes.webhook.WebhookDeliveryProcess.Variables;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_GiveUp}: the receiver answered 410 Gone or the schedule ran out ({@code reason}
 * {@code gone} / {@code exhausted}); the delivery fails for good and its webhook is disabled.
 */
@Component(WebhookDeliveryProcess.Workers.GIVE_UP)
class GiveUpWebhookDelivery implements JavaDelegate {

    private final WebhookRetries retries;

    GiveUpWebhookDelivery(WebhookRetries retries) {
        this.retries = retries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        retries.giveUp(UUID.fromString((String) execution.getVariable(Variables.DELIVERY)),
                (String) execution.getVariable(Variables.REASON));
    }
}
