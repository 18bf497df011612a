package io.convene.app.config;

import io.convene.processes.support.ProcessDates;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for everything: the app's {@link Clock} reads Camunda's
 * {@link ClockUtil}, so a test that moves the engine's clock moves the app's too,
 * and timers and timestamps never disagree. Always UTC.
 */
@Configuration
class TimeConfiguration {

    @Bean
    Clock clock() {
        return new EngineClock(ZoneOffset.UTC);
    }

    /** The {@code dates} bean of timer expressions: {@code ${dates.minus(startTime, 'PT15M')}}. */
    @Bean("dates")
    ProcessDates dates() {
        return new ProcessDates();
    }

    /** Follows {@link ClockUtil} in any zone: {@code withZone} keeps following it (it never freezes the time). */
    static final class EngineClock extends Clock {

        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return zone.equals(this.zone) ? this : new EngineClock(zone);
        }

        @Override
        public Instant instant() {
            return ClockUtil.now().toInstant();
        }
    }
}
