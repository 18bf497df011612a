package io.convene.app.webhook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookScheduleTest {

    @Test
    void the_default_claim_outlasts_the_default_call_timeout() {
        assertThatCode(() -> WebhookSchedule.checkClaimOutlastsAnAttempt(Duration.ofSeconds(30), Duration.ofSeconds(15)))
                .doesNotThrowAnyException();
    }

    @Test
    void a_claim_an_attempt_could_outlast_does_not_start() {
        assertThatThrownBy(() -> WebhookSchedule.checkClaimOutlastsAnAttempt(Duration.ofSeconds(20), Duration.ofSeconds(15)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("convene.webhooks.claim (PT20S)")
                .hasMessageContaining("convene.webhooks.egress.call-timeout (PT15S)");
    }
}
