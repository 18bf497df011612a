package io.convene.api.call;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.convene.application.meeting.MeetingResults.MeetingView;
import io.convene.application.call.CallStarted;
import io.convene.domain.meeting.Meeting;
import java.time.Instant;
import java.util.List;

/** Calls as the API shows them: seed 002's Meeting object, and seed 001's shapes. */
public final class CallViews {

    private CallViews() {}

    /**
     * Seed 002 (Open Question 10): the call wrappers answer the Meeting object — {@code meetingId},
     * {@code isInstantCall: true}, participants, … — plus what only a call has: its type and
     * origin, and, where it rang, who is rung now and who was not reachable.
     */
    public record CallMeetingView(@JsonUnwrapped MeetingView meeting, String callType, String sourceChannelId,
                                  String threadId, List<String> ringing, List<String> unreachable) {
        static CallMeetingView of(Meeting call, List<String> ringing, List<String> unreachable) {
            return new CallMeetingView(MeetingView.of(call), call.callType(), call.sourceChannelId(), call.threadId(),
                    ringing, unreachable);
        }

        public static CallMeetingView of(Meeting call) {
            return of(call, null, null);
        }

        public static CallMeetingView of(CallStarted started) {
            return of(started.call(), started.ringing(), started.unreachable());
        }
    }

    /** Seed 001's answer to {@code POST /api/calls/start}. */
    record ThreadCallStarted(String callId, String roomName, String joinUrl, String callType, List<String> ringing,
                             List<String> unreachable) {}

    record JitsiConfig(String domain, String room) {}

    /** Seed 001's answer to {@code POST /api/calls/{id}/join}. */
    record ThreadJoin(String token, JitsiConfig jitsiConfig, String joinUrl) {}

    /** Seed 001's answer to {@code POST /api/calls/{id}/end} ({@code {ok: true}}), with what ended. */
    record ThreadCallEnded(boolean ok, String callId, String status, Instant endedAt, long durationSeconds) {}
}
