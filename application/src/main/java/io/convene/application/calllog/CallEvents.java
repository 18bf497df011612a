package io.convene.application.calllog;

import io.convene.domain.calllog.CallLogEntry;
import io.convene.domain.calllog.SoftphoneCallEvent;
import io.convene.domain.event.EventOutbox;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The softphone's domain events (docs/events.md), written in the caller's transaction: keyed by
 * the call-log row, naming the user ({@code userIds}) so the user's webhooks and sockets get them.
 */
@Component
class CallEvents {

    /** Which softphone event: one per record of {@link SoftphoneCallEvent}. */
    enum Kind { RINGING, STARTED, ANSWERED, ENDED, MISSED }

    private final EventOutbox outbox;

    CallEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    void append(Kind kind, CallLogEntry e) {
        String id = e.id().toString();
        List<String> user = List.of(e.userId());
        outbox.append(switch (kind) {
            case RINGING -> new SoftphoneCallEvent.Ringing(id, e.userId(), e.direction(), e.remoteNumber(),
                    e.contactId(), e.contactName(), e.sipCallId(), e.status(), e.missedReason(), e.startedAt(),
                    e.answeredAt(), e.endedAt(), e.durationSeconds(), user);
            case STARTED -> new SoftphoneCallEvent.Started(id, e.userId(), e.direction(), e.remoteNumber(),
                    e.contactId(), e.contactName(), e.sipCallId(), e.status(), e.missedReason(), e.startedAt(),
                    e.answeredAt(), e.endedAt(), e.durationSeconds(), user);
            case ANSWERED -> new SoftphoneCallEvent.Answered(id, e.userId(), e.direction(), e.remoteNumber(),
                    e.contactId(), e.contactName(), e.sipCallId(), e.status(), e.missedReason(), e.startedAt(),
                    e.answeredAt(), e.endedAt(), e.durationSeconds(), user);
            case ENDED -> new SoftphoneCallEvent.Ended(id, e.userId(), e.direction(), e.remoteNumber(),
                    e.contactId(), e.contactName(), e.sipCallId(), e.status(), e.missedReason(), e.startedAt(),
                    e.answeredAt(), e.endedAt(), e.durationSeconds(), user);
            case MISSED -> new SoftphoneCallEvent.Missed(id, e.userId(), e.direction(), e.remoteNumber(),
                    e.contactId(), e.contactName(), e.sipCallId(), e.status(), e.missedReason(), e.startedAt(),
                    e.answeredAt(), e.endedAt(), e.durationSeconds(), user);
        });
    }
}
