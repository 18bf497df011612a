package io.convene.api.call;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.convene.application.shared.FieldError;
import io.convene.application.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Request bodies of the calls API (seed 002 §2 and seed 001). */
final class CallRequests {

    private CallRequests() {}

    enum CallType {
        audio, video;
    }

    /**
     * Seed 002: call these people now; video unless said otherwise ("Video call only"). Takes what
     * seed 002's {@code InstantCallService.createInstantCall} sends to {@code createMeeting}:
     * {@code title} ('Call'), {@code startTime} (now), {@code endTime} (now + 4 h, "Max
     * duration"), {@code participantUserIds}, {@code isInstantCall: true}, {@code sourceChannelId},
     * {@code sourceUserId}. A call starts now and lasts at most the process's 4 h: the two times are
     * checked (ISO-8601, the end after the start) and otherwise not used.
     */
    record StartInstant(@JsonAlias("participantUserIds") @NotEmpty @Size(max = 50) List<@NotBlank String> participantIds,
                        @Size(max = 200) String title,
                        @Schema(format = "date-time", example = "2030-05-17T09:00:00Z") @Size(max = 40) String startTime,
                        @Schema(format = "date-time", example = "2030-05-17T13:00:00Z") @Size(max = 40) String endTime,
                        @JsonProperty("isInstantCall") @AssertTrue(message = "must be true: this starts an instant call")
                        Boolean isInstantCall,
                        @Size(max = 100) String sourceChannelId,
                        @Size(max = 64) String sourceUserId,
                        CallType callType) {

        /** 400 naming {@code startTime} / {@code endTime} unless each is an ISO-8601 date-time and the end is after the start. */
        void checkTimes() {
            List<FieldError> errors = new ArrayList<>();
            Instant start = instant("startTime", startTime, errors);
            Instant end = instant("endTime", endTime, errors);
            if (start != null && end != null && !end.isAfter(start)) {
                errors.add(new FieldError("endTime", "must be after startTime"));
            }
            InvalidInputException.throwIfAny(errors);
        }
    }

    /**
     * Seed 001: a call in a thread, in seed 001's words ({@code thread_id}, {@code call_type}); audio
     * unless said otherwise ({@code call_type='audio'}). {@code member_ids}: whom to ring; with a
     * portal, omitted = every other member of the thread. The camelCase names are taken too.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StartThreadCall(@JsonAlias("threadId") @NotBlank @Size(max = 100) String threadId,
                           @JsonAlias("callType") CallType callType,
                           @JsonAlias("memberIds") @Size(max = 50) List<@NotBlank String> memberIds) {}

    record CallRef(@NotBlank String meetingId) {}

    /** Seed 002's {@code POST /api/calls/notify}: ring again; {@code userIds} omitted = everyone who has not answered. */
    record Notify(@NotBlank String meetingId, @Size(max = 50) List<@NotBlank String> userIds) {}

    /** Whom to add: {@code {userIds}} as seed 002's client sends it, or {@code {participantIds}}. */
    record Invite(@Size(max = 50) List<@NotBlank String> participantIds, @Size(max = 50) List<@NotBlank String> userIds) {
        /** The users named, in the order sent; 400 naming the field when none. */
        List<String> invitees() {
            if (participantIds != null && userIds != null) {
                List<String> all = new java.util.ArrayList<>(participantIds);
                all.addAll(userIds);
                return all;
            }
            List<String> named = participantIds != null ? participantIds : userIds;
            if (named == null || named.isEmpty()) {
                throw new io.convene.application.shared.InvalidInputException(
                        participantIds != null ? "participantIds" : "userIds", "must name at least one user");
            }
            return named;
        }
    }

    static String type(CallType type, CallType otherwise) {
        return (type == null ? otherwise : type).name();
    }

    /**
     * An ISO-8601 date-time as the portal's clients send it: with {@code Z} or an offset as given;
     * without one (Dart's {@code toIso8601String()} of a local time) read as UTC
     * (docs/portal-contract.md). Null stays null; anything else is the field's error.
     */
    static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException withOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException withoutOffset) {
                errors.add(new FieldError(field, "is not an ISO-8601 date-time: " + value));
                return null;
            }
        }
    }
}
