package io.convene.app.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seed 002 §2.3 {@code client/lib/models/meeting.dart}, field for field, plus {@code isInstantCall}
 * (the client reads {@code m.isInstantCall}, §2.1; "Single Meeting model with isInstantCall flag").
 * {@code raw} keeps the answer for Convene's additional fields.
 */
record Meeting(
        String meetingId,
        String channelId,
        String title,
        String description,
        String createdBy,
        Instant startTime,
        Instant endTime,
        boolean isRecurring,
        String recurrencePattern,
        Integer maxParticipants,
        boolean allowExternal,
        String externalJoinToken,
        MeetingStatus status,
        List<MeetingParticipant> participants,
        boolean isInstantCall,
        JsonNode raw) {

    /** {@code enum MeetingStatus { scheduled, inProgress, ended, cancelled }}; on the wire seed 002's column values. */
    enum MeetingStatus { scheduled, inProgress, ended, cancelled }

    private static final Map<String, MeetingStatus> STATUSES = Map.of(
            "scheduled", MeetingStatus.scheduled, "in_progress", MeetingStatus.inProgress,
            "ended", MeetingStatus.ended, "cancelled", MeetingStatus.cancelled);

    static Meeting fromJson(JsonNode json) {
        Wire w = Wire.of("Meeting", json);
        return new Meeting(
                w.string("meetingId"),
                w.optionalString("channelId"),
                w.string("title"),
                w.optionalString("description"),
                w.string("createdBy"),
                w.dateTime("startTime"),
                w.dateTime("endTime"),
                w.bool("isRecurring"),
                w.optionalString("recurrencePattern"),
                w.optionalInt("maxParticipants"),
                w.bool("allowExternal"),
                w.optionalString("externalJoinToken"),
                w.enumValue("status", STATUSES),
                w.list("participants", MeetingParticipant::fromJson),
                w.bool("isInstantCall"),
                json);
    }

    Optional<MeetingParticipant> participant(String userId) {
        return participants.stream().filter(p -> p.userId().equals(userId)).findFirst();
    }

    /** The row of {@code userId}; a missing row fails with the list the answer had. */
    MeetingParticipant row(String userId) {
        return participant(userId).orElseThrow(() -> new AssertionError(
                "no participant " + userId + " in meeting " + meetingId + ": " + participants));
    }
}
