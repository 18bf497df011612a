package io.convene.application.call;

import io.convene.application.shared.CommittedCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The names of the calls' counters (docs/operations.md, metrics; the Grafana dashboard
 * docs/grafana/convene-timers.json). Each use case registers the counter of the fact it decides,
 * counted when its transaction commits ({@link CommittedCounter}).
 */
public final class CallMeters {

    /** {@code convene_calls_placed_total{kind}}. */
    public static final String PLACED = "convene.calls.placed";
    /** {@code convene_calls_rings_total{outcome}}: how each ring of an instant call ended. */
    public static final String RINGS = "convene.calls.rings";

    /** Calls placed: {@code instant} (seed 002's and seed 001's calls, rung by instant-call), {@code inbound} (softphone). */
    public enum Kind {
        INSTANT, INBOUND;

        String tag() {
            return name().toLowerCase();
        }
    }

    /** How a ring (one call-ring instance) ended: each ring ends one way, once. */
    public enum RingOutcome {
        /** The callee accepted, or joined the call while their phone rang. */
        ANSWERED,
        DECLINED,
        /** Nobody picked up within the model's ring timeout (PT30S): a missed call. */
        TIMED_OUT,
        /** The call ended, or was deleted, while the phone still rang. */
        CANCELLED;

        String tag() {
            return name().toLowerCase();
        }
    }

    private CallMeters() {}

    public static CommittedCounter placed(MeterRegistry meters, Kind kind) {
        return new CommittedCounter(Counter.builder(PLACED).tag("kind", kind.tag())
                .description("calls placed: instant calls started, inbound softphone calls that began to ring")
                .register(meters));
    }

    public static CommittedCounter rings(MeterRegistry meters, RingOutcome outcome) {
        return new CommittedCounter(Counter.builder(RINGS).tag("outcome", outcome.tag())
                .description("rings of instant calls by how they ended").register(meters));
    }
}
