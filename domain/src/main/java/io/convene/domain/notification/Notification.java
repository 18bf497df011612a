package io.convene.domain.notification;

import java.time.Instant;
import java.util.UUID;

/** A per-user notice: a meeting reminder, a missed call … {@code data} is JSON. */
public record Notification(UUID id, String userId, String type, String meetingId, String title, String data,
                           Instant createdAt, Instant expiresAt, Instant dismissedAt) {
}
