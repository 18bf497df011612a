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

    record StartInstant(@NotEmpty @Size(max = 50) List<@NotBlank String> participantIds,
                        @Size(max = 100) String sourceChannelId,
                        @Size(max = 64) String sourceUserId,
                        CallType callType) {}

    record StartThreadCall(@NotBlank @Size(max = 100) String threadId,
                           CallType callType,
                           @NotEmpty @Size(max = 50) List<@NotBlank String> memberIds) {}

    record CallRef(@NotBlank String meetingId) {}

    record Invite(@NotEmpty @Size(max = 50) List<@NotBlank String> participantIds) {}

    static String type(CallType type) {
        return type == null ? CallType.video.name() : type.name();
    }

}
