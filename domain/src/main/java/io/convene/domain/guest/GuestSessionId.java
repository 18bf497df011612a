package io.convene.domain.guest;

import java.util.Optional;
import java.util.UUID;

/** Id of a guest session: a random UUID, also the guest-admission process's business key. */
public record GuestSessionId(UUID value) {

    public static GuestSessionId newId() {
        return new GuestSessionId(UUID.randomUUID());
    }

    /** The id in {@code text}, or empty when it is not a UUID (callers answer 404 then). */
    public static Optional<GuestSessionId> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GuestSessionId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
