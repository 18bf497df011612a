package io.convene.application.webhook;

import io.convene.application.shared.InvalidInputException;
import java.util.UUID;

final class WebhookIds {

    private WebhookIds() {}

    static UUID parse(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(field, "must be a UUID");
        }
    }
}
