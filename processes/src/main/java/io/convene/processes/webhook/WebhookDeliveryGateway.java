package io.convene.processes.webhook;

import io.convene.processes.webhook.WebhookDeliveryProcess.Variables;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts webhook-delivery instances (business key = delivery id), in the caller's transaction. */
@Component
public class WebhookDeliveryGateway {

    private final RuntimeService runtime;

    WebhookDeliveryGateway(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** The first attempt failed: the process waits the schedule's first literal, then retries. */
    public void start(UUID deliveryId, UUID webhookId) {
        runtime.startProcessInstanceByKey(WebhookDeliveryProcess.KEY, deliveryId.toString(),
                Map.of(Variables.DELIVERY, deliveryId.toString(), Variables.WEBHOOK, webhookId.toString()));
    }
}
