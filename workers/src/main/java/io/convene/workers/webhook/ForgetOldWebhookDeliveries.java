package io.convene.workers.webhook;

import io.convene.application.webhook.WebhookDeliveryLog;
import io.convene.processes.webhook.WebhookLogRetentionProcess;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ForgetOldDeliveries}: the delivery log older than the model's {@code retention} (P30D) goes. */
@Component(WebhookLogRetentionProcess.WORKER)
class ForgetOldWebhookDeliveries implements JavaDelegate {

    private final WebhookDeliveryLog log;

    ForgetOldWebhookDeliveries(WebhookDeliveryLog log) {
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        log.forgetOlderThan(Duration.parse((String) execution.getVariable(WebhookLogRetentionProcess.RETENTION)));
    }
}
