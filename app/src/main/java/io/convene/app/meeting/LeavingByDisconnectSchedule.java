package io.convene.app.meeting;

import io.convene.application.meeting.LeavingByDisconnect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Disconnect = leave, on time: every {@code convene.presence.sweep-interval} (5 s) each instance
 * takes the users whose last socket closed {@code leave-grace} ago and takes them out of what their
 * sockets track ({@link LeavingByDisconnect}). A plain scheduler, beside presence's own, so presence
 * never waits for the meetings' transactions; the BPMN {@code disconnect-leave-sweep} is the fallback.
 */
@Configuration
@EnableScheduling
class LeavingByDisconnectSchedule {

    private static final Logger log = LoggerFactory.getLogger(LeavingByDisconnectSchedule.class);

    private final LeavingByDisconnect leaving;

    LeavingByDisconnectSchedule(LeavingByDisconnect leaving) {
        this.leaving = leaving;
    }

    @Scheduled(initialDelayString = "${convene.presence.sweep-interval:5s}",
            fixedDelayString = "${convene.presence.sweep-interval:5s}")
    void leaveDue() {
        try {
            leaving.leaveDue();
        } catch (RuntimeException e) {
            log.warn("leaving by disconnect: the pass failed (the next one tries again): {}", e.toString());
        }
    }
}
