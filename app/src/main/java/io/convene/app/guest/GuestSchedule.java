package io.convene.app.guest;

import io.convene.application.guest.GuestHousekeeping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Housekeeping of the guests' per-address throttle counters (every node may run it; it is one DELETE). */
@Configuration
@EnableScheduling
class GuestSchedule {

    private static final Logger log = LoggerFactory.getLogger(GuestSchedule.class);

    private final GuestHousekeeping housekeeping;

    GuestSchedule(GuestHousekeeping housekeeping) {
        this.housekeeping = housekeeping;
    }

    @Scheduled(fixedDelayString = "${convene.guests.throttle-purge-interval:10m}",
            initialDelayString = "${convene.guests.throttle-purge-interval:10m}")
    void forgetOldThrottles() {
        try {
            int forgotten = housekeeping.forgetOldThrottles();
            if (forgotten > 0) {
                log.debug("guests: {} old throttle windows forgotten", forgotten);
            }
        } catch (RuntimeException e) {
            log.warn("guests: throttle housekeeping failed: {}", e.toString());
        }
    }
}
