package io.convene.workers.events;

import io.convene.application.events.PublishedEventRetention;
import io.convene.processes.events.OutboxRetentionProcess;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ForgetPublishedEvents}: outbox events published longer ago than the model's {@code retention} (P7D) go. */
@Component(OutboxRetentionProcess.WORKER)
class ForgetPublishedEvents implements JavaDelegate {

    private final PublishedEventRetention retention;

    ForgetPublishedEvents(PublishedEventRetention retention) {
        this.retention = retention;
    }

    @Override
    public void execute(DelegateExecution execution) {
        retention.forgetPublishedLongerAgoThan(Duration.parse((String) execution.getVariable(OutboxRetentionProcess.RETENTION)));
    }
}
