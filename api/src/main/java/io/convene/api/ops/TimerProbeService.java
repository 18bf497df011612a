package io.convene.api.ops;

import io.convene.domain.event.EventOutbox;
import io.convene.domain.probe.TimerProbe;
import io.convene.domain.probe.TimerProbeId;
import io.convene.domain.probe.TimerProbes;
import io.convene.processes.probe.TimerProbeProcess;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes a probe, its event and its process instance in one transaction. */
@Service
class TimerProbeService {

    private final TimerProbes probes;
    private final EventOutbox outbox;
    private final RuntimeService runtime;
    private final Clock clock;

    TimerProbeService(TimerProbes probes, EventOutbox outbox, RuntimeService runtime, Clock clock) {
        this.probes = probes;
        this.outbox = outbox;
        this.runtime = runtime;
        this.clock = clock;
    }

    @Transactional
    TimerProbe request(String requestedBy) {
        TimerProbe probe = probes.save(TimerProbe.request(TimerProbeId.random(), requestedBy, clock.instant()));
        outbox.append("ops.timer_probe.requested", probe.getId(),
                Map.of("probeId", probe.getId(), "requestedBy", requestedBy, "requestedAt", probe.requestedAt().toString()));
        runtime.startProcessInstanceByKey(TimerProbeProcess.KEY, probe.getId());
        return probe;
    }

    @Transactional(readOnly = true)
    Optional<TimerProbe> find(TimerProbeId id) {
        return probes.findById(id.value());
    }
}
