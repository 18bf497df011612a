package io.convene.api.ops;

import io.convene.domain.probe.TimerProbe;
import java.time.Instant;

/** A timer probe as the API shows it. */
record TimerProbeView(String probeId, String status, Instant requestedAt, Long delayMs, Instant firedAt,
                      Long latenessMs) {

    static TimerProbeView of(TimerProbe probe) {
        return new TimerProbeView(probe.getId(), probe.status().name().toLowerCase(), probe.requestedAt(),
                probe.delayMs(), probe.firedAt(), probe.latenessMs());
    }
}
