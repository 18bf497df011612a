package io.convene.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineClockTest {

    private final Clock clock = new TimeConfiguration().clock();

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void the_clock_reads_camundas_clock_in_utc() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-01-01T10:00:00Z")));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T10:00:00Z"));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void a_clock_in_another_zone_still_follows_camundas_clock() {
        Clock berlin = clock.withZone(ZoneId.of("Europe/Berlin"));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-01-01T10:00:00Z")));

        assertThat(berlin.instant()).isEqualTo(Instant.parse("2030-01-01T10:00:00Z"));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-01-01T12:30:00Z")));
        assertThat(berlin.instant()).isEqualTo(Instant.parse("2030-01-01T12:30:00Z"));
        assertThat(berlin.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }
}
