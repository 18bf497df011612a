package io.convene.application.probe;

import io.convene.domain.probe.TimerProbeEvent;
import io.convene.application.shared.Actor;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.probe.TimerProbe;
import io.convene.domain.probe.TimerProbeId;
import io.convene.domain.probe.TimerProbes;
import io.convene.processes.probe.TimerProbeGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Operations' timer probe: a probe, its event and its timer-probe instance are written in one
 * transaction; when the timer fires, how late it was becomes the probe's state and an event. (The
 * {@code convene.timer.lateness} metric of its timer, as of every BPMN timer, is the engine plugin's: app/camunda.)
 */
@Service
public class TimerProbing {

    private final TimerProbes probes;
    private final TimerProbeGateway process;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Clock clock;

    TimerProbing(TimerProbes probes, TimerProbeGateway process, EventOutbox outbox, UnitOfWork work, Clock clock) {
        this.probes = probes;
        this.process = process;
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    public TimerProbe request(Actor actor) {
        return work.write(() -> {
            TimerProbe probe = probes.save(TimerProbe.request(TimerProbeId.random(), actor.id(), clock.instant()));
            outbox.append(new TimerProbeEvent.Requested(probe.getId(), actor.id(), probe.requestedAt()));
            process.requested(probe.getId());
            return probe;
        });
    }

    public Optional<TimerProbe> find(TimerProbeId id) {
        return work.read(() -> probes.findById(id.value()));
    }

    /** The probe's timer of {@code delay} (the model's literal) has fired. Safe to run twice. */
    public void fired(TimerProbeId id, Duration delay) {
        work.run(() -> {
            TimerProbe probe = probes.findById(id.value())
                    .orElseThrow(() -> new IllegalStateException("timer probe " + id + " is not in the database"));
            if (probe.status() == TimerProbe.Status.FIRED) {
                return; // a retried job: recorded already
            }
            Duration late = probe.fired(delay, clock.instant());
            probes.save(probe);
            outbox.append(new TimerProbeEvent.Fired(id.value(), delay.toMillis(), late.toMillis()));
        });
    }
}
