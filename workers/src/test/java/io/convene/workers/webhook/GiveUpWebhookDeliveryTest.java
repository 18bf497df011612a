package io.convene.workers.webhook;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.convene.application.webhook.WebhookRetries;
import io.convene.processes.webhook.WebhookDeliveryProcess.Reasons;
import io.convene.processes.webhook.WebhookDeliveryProcess.Variables;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class GiveUpWebhookDeliveryTest {

    @Test
    void gives_the_delivery_up_for_the_reason_of_its_input_parameter() {
        WebhookRetries retries = mock(WebhookRetries.class);
        DelegateExecution execution = mock(DelegateExecution.class);
        UUID delivery = UUID.randomUUID();
        when(execution.getVariable(Variables.DELIVERY)).thenReturn(delivery.toString());
        when(execution.getVariable(Variables.REASON)).thenReturn(Reasons.EXHAUSTED);

        new GiveUpWebhookDelivery(retries).execute(execution);

        verify(retries).giveUp(delivery, Reasons.EXHAUSTED);
    }
}
