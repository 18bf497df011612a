package io.convene.api.meeting;

import io.convene.domain.event.EventOutbox;
import io.convene.domain.meeting.Meeting;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What follows when a meeting or call starts or ends, whoever caused it (a join,
 * a leave, the host, a removal): its event, and the message to its process.
 * Runs in the caller's transaction.
 */
@Component
class MeetingTransitions {

    private final EventOutbox outbox;
    private final MeetingProcess process;

    MeetingTransitions(EventOutbox outbox, MeetingProcess process) {
        this.outbox = outbox;
        this.process = process;
    }

    void started(Meeting meeting, String by) {
        outbox.append("meeting.started", meeting.id(), Map.of("meetingId", meeting.id(), "startedBy", by,
                "startedAt", meeting.startedAt().toString()));
        process.started(meeting.id());
    }

    void ended(Meeting meeting, String reason) {
        outbox.append(meeting.isInstantCall() ? "call.ended" : "meeting.ended", meeting.id(), Map.of(
                "meetingId", meeting.id(), "durationSeconds", meeting.duration().toSeconds(),
                "participantCount", meeting.distinctJoiners(), "reason", reason));
        process.ended(meeting);
    }
}
