package io.convene.api.call;

import io.convene.api.error.NotFoundException;
import io.convene.api.meeting.MeetingViews;
import io.convene.api.security.CurrentUser;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingSummaries;
import io.convene.domain.meeting.Meetings;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Seed 001's call log: from the live call, or from its summary once the call is cleaned up. */
@Service
class CallLogService {

    record LogEntry(String userId, String displayName, String role, String status, Instant joinedAt, Instant leftAt,
                    long durationSeconds, String deviceInfo) {}

    record CallLog(String callId, String status, String callType, String initiatorId, Instant startedAt,
                   Instant endedAt, long durationSeconds, List<LogEntry> participants) {}

    private final CallService calls;
    private final Meetings meetings;
    private final MeetingSummaries summaries;

    CallLogService(CallService calls, Meetings meetings, MeetingSummaries summaries) {
        this.calls = calls;
        this.meetings = meetings;
        this.summaries = summaries;
    }

    @Transactional(readOnly = true)
    CallLog log(String callId, CurrentUser user) {
        if (meetings.existsById(callId) || !io.convene.domain.meeting.MeetingId.isValid(callId)) {
            Meeting call = calls.visibleCall(callId, user); // 400 for a malformed id, 404 for outsiders
            return new CallLog(call.id(), MeetingViews.lower(call.status()), call.callType(), call.createdBy(),
                    call.startedAt(), call.endedAt(), call.duration().toSeconds(), call.participants().stream()
                    .map(p -> new LogEntry(p.userId(), p.displayName(), MeetingViews.lower(p.role()),
                            MeetingViews.lower(p.status()), p.joinedAt(), p.leftAt(), p.attendedSeconds(), p.deviceInfo()))
                    .toList());
        }
        var summary = summaries.find(callId).filter(MeetingSummaries.Summary::isInstantCall)
                .orElseThrow(() -> new NotFoundException("call", callId));
        var participants = summaries.participants(callId);
        if (!user.isAdmin() && participants.stream().noneMatch(p -> p.userId().equals(user.id()))) {
            throw new NotFoundException("call", callId);
        }
        return new CallLog(summary.meetingId(), summary.status().toLowerCase(), summary.callType(), summary.createdBy(),
                summary.startedAt(), summary.endedAt(), summary.durationSeconds(), participants.stream()
                .map(p -> new LogEntry(p.userId(), p.displayName(), p.role().toLowerCase(), p.joined() ? "left" : "missed",
                        p.firstJoinedAt(), p.lastLeftAt(), p.attendedSeconds(), p.deviceInfo()))
                .toList());
    }
}
