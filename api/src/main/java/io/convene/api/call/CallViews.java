package io.convene.api.call;

import static io.convene.application.meeting.MeetingResults.lower;

import io.convene.api.meeting.MeetingViews.ParticipantView;
import io.convene.domain.meeting.Meeting;
import java.time.Instant;
import java.util.List;

/** Calls as the API shows them: seed 002's call view and seed 001's shapes. */
final class CallViews {

    private CallViews() {}

    record CallView(String callId, String status, String callType, String createdBy, Instant startedAt,
                    Instant endedAt, String sourceChannelId, String threadId, List<ParticipantView> participants,
                    List<String> ringing, List<String> unreachable) {
        static CallView of(Meeting call, List<String> ringing, List<String> unreachable) {
            return new CallView(call.id().value(), lower(call.status()), call.callType(), call.createdBy(),
                    call.startedAt(), call.endedAt(), call.sourceChannelId(), call.threadId(),
                    call.participants().stream().map(ParticipantView::of).toList(), ringing, unreachable);
        }

        static CallView of(Meeting call) {
            return of(call, null, null);
        }
    }

    record ThreadCallStarted(String callId, String roomName, String joinUrl, List<String> ringing,
                             List<String> unreachable) {}

    record JitsiConfig(String domain, String room) {}

    record ThreadJoin(String token, JitsiConfig jitsiConfig, String joinUrl) {}
}
