package io.convene.api.call;

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
     * Seed 001: a call in a thread; audio unless said otherwise ({@code call_type='audio'}).
     * {@code memberIds}: whom to ring; with a portal, omitted = every other member of the thread.
     */
    record StartThreadCall(@NotBlank @Size(max = 100) String threadId,
                           CallType callType,
                           @Size(max = 50) List<@NotBlank String> memberIds) {}

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
}
