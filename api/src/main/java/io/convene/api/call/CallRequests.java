package io.convene.api.call;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the calls API (seed 002 §2 and seed 001). */
final class CallRequests {

    private CallRequests() {}

    enum CallType {
        audio, video;
    }

    /** Seed 002: call these people now; video unless said otherwise ("Video call only"). */
    record StartInstant(@NotEmpty @Size(max = 50) List<@NotBlank String> participantIds,
                        @Size(max = 100) String sourceChannelId,
                        @Size(max = 64) String sourceUserId,
                        CallType callType) {}

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

    record Invite(@NotEmpty @Size(max = 50) List<@NotBlank String> participantIds) {}

    static String type(CallType type, CallType otherwise) {
        return (type == null ? otherwise : type).name();
    }
}
