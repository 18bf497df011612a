package io.convene.application.calllog;

import io.convene.domain.calllog.CallLogEntry;
import io.convene.domain.event.EventOutbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The softphone's domain events (docs/events.md), written in the caller's transaction: keyed by
 * the call-log row, naming the user ({@code userIds}) so the user's webhooks and sockets get them.
 */
@Component
class CallEvents {

    static final String RINGING = "softphone.call.ringing";
    static final String STARTED = "softphone.call.started";
    static final String ANSWERED = "softphone.call.answered";
    static final String ENDED = "softphone.call.ended";
    static final String MISSED = "softphone.call.missed";

    private final EventOutbox outbox;

    CallEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    void append(String type, CallLogEntry e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("callLogId", e.id().toString());
        data.put("userId", e.userId());
        data.put("direction", e.direction());
        data.put("number", e.remoteNumber());
        data.put("contactId", e.contactId());
        data.put("contactName", e.contactName());
        data.put("sipCallId", e.sipCallId());
        data.put("status", e.status());
        data.put("missedReason", e.missedReason());
        data.put("startedAt", text(e.startedAt()));
        data.put("answeredAt", text(e.answeredAt()));
        data.put("endedAt", text(e.endedAt()));
        data.put("durationSeconds", e.durationSeconds());
        data.put("userIds", List.of(e.userId()));
        outbox.append(type, e.id().toString(), data);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
