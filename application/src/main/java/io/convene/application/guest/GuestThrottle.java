package io.convene.application.guest;

import io.convene.application.shared.TooManyRequestsException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.guest.Throttles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Per-client-address limits of the endpoints strangers reach without a credential (landing,
 * preview with a token, register). Each hit commits on its own, before the request is looked at,
 * so a refused or failing request still counts; the counters are in PostgreSQL, so they hold
 * across app instances. {@code client} is the address as the API resolved it (IPv6 by /64).
 */
@Component
class GuestThrottle {

    enum Endpoint { LANDING, REGISTER }

    private final Throttles throttles;
    private final GuestProperties limits;
    private final UnitOfWork work;
    private final Clock clock;

    GuestThrottle(Throttles throttles, GuestProperties limits, UnitOfWork work, Clock clock) {
        this.throttles = throttles;
        this.limits = limits;
        this.work = work;
        this.clock = clock;
    }

    void check(Endpoint endpoint, String client) {
        String bucket = endpoint.name().toLowerCase() + ":" + client;
        int limit = endpoint == Endpoint.LANDING ? limits.landingPerAddress() : limits.registerPerAddress();
        Duration window = limits.addressWindow();
        Instant now = clock.instant();
        int hits = work.write(() -> throttles.hit(bucket, window, now));
        if (hits > limit) {
            Instant reopens = work.read(() -> throttles.windowStart(bucket, now)).plus(window);
            throw new TooManyRequestsException("Too many requests from your address; try again later.",
                    Duration.between(now, reopens));
        }
    }
}
