package io.convene.domain.probe;

import io.convene.domain.event.DomainEvent;
import io.convene.domain.event.EventFamily;
import io.convene.domain.event.EventInfo;
import java.time.Instant;

/** Operations' timer probes (how late the engine fires a timer); keyed by the probe. */
@EventFamily("ops.timer_probe")
public sealed interface TimerProbeEvent extends DomainEvent {

    String probeId();

    @Override
    default String subject() {
        return probeId();
    }

    @EventInfo("An admin asked for a timer probe.")
    record Requested(String probeId, String requestedBy, Instant requestedAt) implements TimerProbeEvent {}

    @EventInfo("A probe's timer fired: how late.")
    record Fired(String probeId, long delayMs, long latenessMs) implements TimerProbeEvent {}
}
