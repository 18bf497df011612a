package io.convene.api.call;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.convene.application.call.CallLogs;
import io.convene.application.meeting.MeetingResults.MeetingView;
import io.convene.application.call.CallStarted;
import io.convene.domain.meeting.Meeting;
import java.time.Instant;
import java.util.List;

/** Calls as the API shows them: seed 002's Meeting object, and seed 001's snake_case shapes. */
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

    /*
     * Seed 001's four calls speak seed 001's snake_case JSON exactly ({@code call_id}, {@code room_name},
     * {@code join_url}, {@code jitsi_config}, …); Convene's extras beside them are snake_case too.
     * Only these records: the rest of the API is camelCase.
     */

    /** Seed 001's answer to {@code POST /api/calls/start}: {@code {call_id, room_name, join_url}}, and who rings. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ThreadCallStarted(String callId, String roomName, String joinUrl, String callType, List<String> ringing,
                             List<String> unreachable) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record JitsiConfig(String domain, String room) {}

    /** Seed 001's answer to {@code POST /api/calls/{id}/join}: {@code {token, jitsi_config: {domain, room}}}, and the URL. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ThreadJoin(String token, JitsiConfig jitsiConfig, String joinUrl) {}

    /** Seed 001's answer to {@code POST /api/calls/{id}/end} ({@code {ok: true}}), with what ended. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ThreadCallEnded(boolean ok, String callId, String status, Instant endedAt, long durationSeconds) {}

    /**
     * Seed 001's {@code GET /api/calls/{id}/log}: its {@code call_logs} row — {@code id},
     * {@code room_name}, {@code thread_id}, {@code initiator_id}, {@code call_type}, {@code status},
     * {@code started_at}, {@code ended_at}, {@code participants} (who joined) — and Convene's
     * {@code call_id}, {@code title}, {@code duration_seconds}, {@code invitees} (called, never joined).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ThreadCallLog(String id, String callId, String roomName, String threadId, String initiatorId,
                         String callType, String status, Instant startedAt, Instant endedAt, long durationSeconds,
                         String title, List<LogParticipant> participants, List<LogInvitee> invitees) {

        static ThreadCallLog of(CallLogs.CallLog log) {
            return new ThreadCallLog(log.callId(), log.callId(), log.roomName(), log.threadId(), log.initiatorId(),
                    log.callType(), log.status(), log.startedAt(), log.endedAt(), log.durationSeconds(), log.title(),
                    log.participants().stream().map(LogParticipant::of).toList(),
                    log.invitees().stream().map(LogInvitee::of).toList());
        }
    }

    /**
     * Seed 001's participant entry ({@code {user_id, joined_at, role: 'participant', device_info}}),
     * with when they left, how long they were in and their name. {@code role} is seed 001's
     * {@code participant} for everyone who joined: the initiator is {@code initiator_id}.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LogParticipant(String userId, Instant joinedAt, Instant leftAt, String role, String deviceInfo,
                          String displayName, String status, long durationSeconds) {
        static LogParticipant of(CallLogs.LogEntry entry) {
            return new LogParticipant(entry.userId(), entry.joinedAt(), entry.leftAt(), "participant",
                    entry.deviceInfo(), entry.displayName(), entry.status(), entry.durationSeconds());
        }
    }

    /** Someone the call rang or named who never joined: {@code status} invited, accepted, declined, removed, missed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LogInvitee(String userId, String displayName, String status) {
        static LogInvitee of(CallLogs.LogEntry entry) {
            return new LogInvitee(entry.userId(), entry.displayName(), entry.status());
        }
    }
}
