package io.convene.workers.probe;

import io.convene.domain.event.EventOutbox;
import io.convene.domain.probe.TimerProbe;
import io.convene.domain.probe.TimerProbes;
import io.convene.processes.probe.TimerProbeProcess;
import io.convene.processes.support.ProcessDates;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordProbe}: the probe's timer has fired; record how late, as the
 * probe's state, an event and the {@code convene.timer.lateness} metric. The
 * timer's duration is read from the deployed model, so an analyst's edit of
 * the literal is what the lateness is measured against.
 */
@Component(TimerProbeProcess.Workers.RECORD_PROBE)
class RecordTimerProbe implements JavaDelegate {

    private final TimerProbes probes;
    private final EventOutbox outbox;
    private final Clock clock;
    private final Timer lateness;

    RecordTimerProbe(TimerProbes probes, EventOutbox outbox, Clock clock, MeterRegistry meters) {
        this.probes = probes;
        this.outbox = outbox;
        this.clock = clock;
        this.lateness = Timer.builder("convene.timer.lateness")
                .description("how late a BPMN timer fired after its due time")
                .tag("process", TimerProbeProcess.KEY)
                .publishPercentileHistogram()
                .register(meters);
    }

    @Override
    public void execute(DelegateExecution execution) {
        String probeId = execution.getProcessBusinessKey();
        TimerProbe probe = probes.findById(probeId)
                .orElseThrow(() -> new IllegalStateException("timer probe " + probeId + " is not in the database"));
        if (probe.status() == TimerProbe.Status.FIRED) {
            return; // a retried job: recorded already
        }
        Duration delay = ProcessDates.timerDuration(
                execution.getBpmnModelInstance().getModelElementById(TimerProbeProcess.Elements.DELAY));
        Duration late = probe.fired(delay, clock.instant());
        probes.save(probe);
        outbox.append("ops.timer_probe.fired", probeId,
                Map.of("probeId", probeId, "delayMs", delay.toMillis(), "latenessMs", late.toMillis()));
        lateness.record(late.isNegative() ? Duration.ZERO : late);
    }
}
