package io.convene.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** Seed 002 §2.3 {@code client/lib/models/meeting_participant.dart}; {@code raw} keeps Convene's extra fields. */
record MeetingParticipant(String userId, String displayName, ParticipantStatus status, Instant joinedAt, Instant leftAt,
                          JsonNode raw) {

    enum ParticipantStatus { invited, accepted, declined, attended }

    private static final Map<String, ParticipantStatus> STATUSES = Map.of(
            "invited", ParticipantStatus.invited, "accepted", ParticipantStatus.accepted,
            "declined", ParticipantStatus.declined, "attended", ParticipantStatus.attended);

    static MeetingParticipant fromJson(JsonNode json) {
        Wire w = Wire.of("MeetingParticipant", json);
        return new MeetingParticipant(w.string("userId"), w.string("displayName"), w.enumValue("status", STATUSES),
                w.optionalDateTime("joinedAt"), w.optionalDateTime("leftAt"), json);
    }

    @Override
    public String toString() {
        return userId + "(" + displayName + ", " + status + ", joined " + joinedAt + ", left " + leftAt + ")";
    }
}
