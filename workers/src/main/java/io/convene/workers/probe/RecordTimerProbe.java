package io.convene.workers.probe;

import io.convene.application.probe.TimerProbing;
import io.convene.domain.probe.TimerProbeId;
import io.convene.processes.probe.TimerProbeProcess;
import io.convene.processes.support.ProcessDates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordProbe}: the probe's timer has fired. The timer's duration is read from
 * the deployed model, so an analyst's edit of the literal is what lateness is measured against.
 */
@Component(TimerProbeProcess.Workers.RECORD_PROBE)
class RecordTimerProbe implements JavaDelegate {

    private final TimerProbing probes;

    RecordTimerProbe(TimerProbing probes) {
        this.probes = probes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        probes.fired(new TimerProbeId(execution.getProcessBusinessKey()), ProcessDates.timerDuration(
                execution.getBpmnModelInstance().getModelElementById(TimerProbeProcess.Elements.DELAY)));
    }
}
