package io.convene.application.call;

import io.convene.application.shared.Actor;
import io.convene.application.shared.NotFoundException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.MeetingSummaries;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import io.convene.domain.meeting.ParticipantStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Seed 001's call log ({@code db.call_logs}): from the live call, or from its summary once the
 * call is cleaned up. Its {@code status} speaks seed 001: {@code ringing} from the start until a
 * callee answers (accepts or joins), then {@code in_progress}, {@code completed} once ended.
 */
@Service
public class CallLogs {

    /** Seed 001's {@code status} values (seed 001 shows {@code ringing} and {@code completed}). */
    public static final String RINGING = "ringing";
    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETED = "completed";

    /**
     * One person of the call: who joined ({@code joined}: their first join and last leave, how
     * long, from which device), or who was called and never joined ({@code status} invited,
     * accepted, declined, removed; after the cleanup {@code missed}).
     */
    public record LogEntry(String userId, String displayName, String status, boolean joined, Instant joinedAt,
                           Instant leftAt, long durationSeconds, String deviceInfo) {}

    public record CallLog(String callId, String title, String roomName, String threadId, String initiatorId,
                          String callType, String status, Instant startedAt, Instant endedAt, long durationSeconds,
                          List<LogEntry> people) {

        public List<LogEntry> participants() {
            return people.stream().filter(LogEntry::joined).toList();
        }

        public List<LogEntry> invitees() {
            return people.stream().filter(p -> !p.joined()).toList();
        }
    }

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
        return new CallLog(call.id().value(), call.title(), call.roomKey(), call.threadId(), call.createdBy(),
                call.callType(), status(call), call.startedAt(), call.endedAt(), call.duration().toSeconds(),
                call.attendees().stream().map(p -> new LogEntry(p.userId(), p.displayName(), lower(p.status().name()),
                        p.everJoined(), p.firstJoinedAt(), p.leftAt(), p.attendedSeconds(), p.deviceInfo())).toList());
    }

    private CallLog summarised(MeetingId callId, Actor actor) {
        var summary = summaries.find(callId.value()).filter(MeetingSummaries.Summary::isInstantCall)
                .orElseThrow(() -> new NotFoundException("call", callId));
        var participants = summaries.participants(callId.value());
        if (!actor.isAdmin() && participants.stream().noneMatch(p -> p.userId().equals(actor.id()))) {
            throw new NotFoundException("call", callId);
        }
        return new CallLog(summary.meetingId(), summary.title(), summary.roomKey(), summary.threadId(),
                summary.createdBy(), summary.callType(), COMPLETED, summary.startedAt(), summary.endedAt(),
                summary.durationSeconds(), participants.stream()
                .map(p -> new LogEntry(p.userId(), p.displayName(), p.joined() ? "left" : "missed", p.joined(),
                        p.firstJoinedAt(), p.lastLeftAt(), p.attendedSeconds(), p.deviceInfo()))
                .toList());
    }

    /** Seed 001's status of a call: ringing until a callee answers, in progress, completed. */
    public static String status(Meeting call) {
        if (call.status() == MeetingStatus.ENDED || call.status() == MeetingStatus.CANCELLED) {
            return COMPLETED;
        }
        boolean answered = call.participants().stream()
                .filter(p -> !p.userId().equals(call.createdBy()))
                .anyMatch(CallLogs::answered);
        return answered ? IN_PROGRESS : RINGING;
    }

    private static boolean answered(Participant p) {
        return p.everJoined() || p.status() == ParticipantStatus.ACCEPTED || p.status() == ParticipantStatus.JOINED;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
