package io.convene.application.guest;

import io.convene.application.shared.UnitOfWork;
import io.convene.domain.guest.Throttles;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * Forgets per-address throttle windows that ended long ago: one row per endpoint and client
 * address would otherwise pile up under a flood from many addresses. Not a product clock.
 */
@Service
public class GuestHousekeeping {

    /** Windows that started this long ago are over whatever the configured window is (at most minutes). */
    static final Duration KEEP = Duration.ofHours(1);

    private final Throttles throttles;
    private final GuestProperties limits;
    private final UnitOfWork work;
    private final Clock clock;

    GuestHousekeeping(Throttles throttles, GuestProperties limits, UnitOfWork work, Clock clock) {
        this.throttles = throttles;
        this.limits = limits;
        this.work = work;
        this.clock = clock;
    }

    /** Deletes the windows that started before the longer of an hour and the address window; returns how many. */
    public int forgetOldThrottles() {
        Duration keep = limits.addressWindow().compareTo(KEEP) > 0 ? limits.addressWindow() : KEEP;
        return work.write(() -> throttles.forgetBefore(clock.instant().minus(keep)));
    }
}
