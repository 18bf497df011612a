package io.convene.app.presence;

import io.convene.application.presence.PresenceSweep;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Presence's clock: a plain Spring scheduler calling the {@link PresenceSweep} use case —
 * presence never touches the BPMN engine. Every instance runs it.
 */
@Configuration
@EnableScheduling
class PresenceSchedule {

    private static final Logger log = LoggerFactory.getLogger(PresenceSchedule.class);

    private final PresenceSweep sweep;

    PresenceSchedule(PresenceSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(fixedDelayString = "${convene.presence.flush-interval:1s}")
    void flushHeartbeats() {
        sweep.flushHeartbeats();
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${convene.presence.sweep-interval:5s}")
    void sweep() {
        sweep.sweep();
    }

    /** A clean stop writes what is pending; a crash loses at most one flush interval of heartbeats. */
    @PreDestroy
    void flushOnStop() {
        try {
            sweep.flushHeartbeats();
        } catch (RuntimeException e) {
            log.warn("Pending heartbeats not written at shutdown: {}", e.getMessage());
        }
    }
}
