package io.convene.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CamundaClockGuardTest {


    @AfterEach
    void reset() {
        ClockUtil.reset();
    }

    @Test
    void a_class_that_leaves_the_clock_moved_fails_and_the_clock_is_put_back() {
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(16).plusSeconds(30))));

        assertThatThrownBy(() -> CamundaClockGuard.check("LeakyIntegrationTest"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyIntegrationTest left Camunda's clock moved by PT16M2");
        assertThat(CamundaClockGuard.moved()).as("the next class runs on real time").isNull();
    }

    @Test
    void a_class_that_puts_the_clock_back_passes() {
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofHours(3))));
        ClockUtil.reset();

        CamundaClockGuard.check("TidyIntegrationTest"); // no error
        assertThat(CamundaClockGuard.moved()).isNull();
    }

    @Test
    void a_clock_moved_before_a_class_starts_is_put_back_before_it_runs() {
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(2))));

        CamundaClockGuard.followRealTime();

        assertThat(CamundaClockGuard.moved()).isNull();
    }
}
