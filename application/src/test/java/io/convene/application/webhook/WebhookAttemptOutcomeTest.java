package io.convene.application.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.domain.webhook.SendOutcome;
import org.junit.jupiter.api.Test;

class WebhookAttemptOutcomeTest {

    @Test
    void attempts_are_tagged_as_the_delivery_classifies_them() {
        assertThat(WebhookAttempts.outcomeTag(outcome(204))).isEqualTo("delivered");
        assertThat(WebhookAttempts.outcomeTag(outcome(410))).isEqualTo("gone");
        assertThat(WebhookAttempts.outcomeTag(outcome(0))).isEqualTo("no_response");
        assertThat(WebhookAttempts.outcomeTag(outcome(503))).isEqualTo("failed");
        assertThat(WebhookAttempts.outcomeTag(outcome(302))).isEqualTo("failed");
    }

    private static SendOutcome outcome(int status) {
        return new SendOutcome(status, 5, "", status == 0 ? "connect timed out" : null, null);
    }
}
