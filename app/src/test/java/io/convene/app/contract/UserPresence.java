package io.convene.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** Seed 002 §2.3 {@code client/lib/models/user_presence.dart}. */
record UserPresence(String userId, PresenceStatus status, Instant lastSeen) {

    enum PresenceStatus { online, away, offline }

    private static final Map<String, PresenceStatus> STATUSES = Map.of(
            "online", PresenceStatus.online, "away", PresenceStatus.away, "offline", PresenceStatus.offline);

    static UserPresence fromJson(JsonNode json) {
        Wire w = Wire.of("UserPresence", json);
        return new UserPresence(w.string("userId"), w.enumValue("status", STATUSES), w.dateTime("lastSeen"));
    }

    boolean isOnline() {
        return status == PresenceStatus.online;
    }
}
