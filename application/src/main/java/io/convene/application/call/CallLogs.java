package io.convene.application.call;

import static io.convene.application.meeting.MeetingResults.lower;

import io.convene.application.shared.Actor;
import io.convene.application.shared.NotFoundException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingSummaries;
import io.convene.domain.meeting.Meetings;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** Seed 001's call log: from the live call, or from its summary once the call is cleaned up. */
@Service
public class CallLogs {

    public record LogEntry(String userId, String displayName, String role, String status, Instant joinedAt,
                           Instant leftAt, long durationSeconds, String deviceInfo) {}

    public record CallLog(String callId, String status, String callType, String initiatorId, Instant startedAt,
                          Instant endedAt, long durationSeconds, List<LogEntry> participants) {}

    private final CallPolicy policy;
    private final Meetings meetings;
    private final MeetingSummaries summaries;
    private final UnitOfWork work;

    CallLogs(CallPolicy policy, Meetings meetings, MeetingSummaries summaries, UnitOfWork work) {
        this.policy = policy;
        this.meetings = meetings;
        this.summaries = summaries;
        this.work = work;
    }

    public CallLog log(MeetingId callId, Actor actor) {
        // one read: a call cleaned up a moment ago answers from its summary (written when it ended)
        return work.read(() -> meetings.findById(callId).map(call -> live(call, actor))
                .orElseGet(() -> summarised(callId, actor)));
    }

    private CallLog live(Meeting call, Actor actor) {
        if (!policy.maySeeCall(call, actor)) {
            throw new NotFoundException("call", call.id());
        }
        return new CallLog(call.id().value(), lower(call.status()), call.callType(), call.createdBy(),
                call.startedAt(), call.endedAt(), call.duration().toSeconds(), call.attendees().stream()
                .map(p -> new LogEntry(p.userId(), p.displayName(), lower(p.role()), lower(p.status()), p.firstJoinedAt(),
                        p.leftAt(), p.attendedSeconds(), p.deviceInfo()))
                .toList());
    }

    private CallLog summarised(MeetingId callId, Actor actor) {
        var summary = summaries.find(callId.value()).filter(MeetingSummaries.Summary::isInstantCall)
                .orElseThrow(() -> new NotFoundException("call", callId));
        var participants = summaries.participants(callId.value());
        if (!actor.isAdmin() && participants.stream().noneMatch(p -> p.userId().equals(actor.id()))) {
            throw new NotFoundException("call", callId);
        }
        return new CallLog(summary.meetingId(), summary.status().toLowerCase(), summary.callType(), summary.createdBy(),
                summary.startedAt(), summary.endedAt(), summary.durationSeconds(), participants.stream()
                .map(p -> new LogEntry(p.userId(), p.displayName(), p.role().toLowerCase(), p.joined() ? "left" : "missed",
                        p.firstJoinedAt(), p.lastLeftAt(), p.attendedSeconds(), p.deviceInfo()))
                .toList());
    }
}
