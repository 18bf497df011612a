package io.convene.application.calllog;

import io.convene.application.shared.UnitOfWork;
import io.convene.domain.calllog.CallLogEntries;
import io.convene.domain.calllog.CallLogEntry;
import io.convene.domain.notification.Notifications;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * An inbound call nobody answered (the process's no-answer timer) or whose caller hung up first:
 * the row becomes missed (if it still rings) and the user is told once — a missed-call
 * notification ({@code notification:new}) and {@code softphone.call.missed} ({@code softphone:missed}).
 */
@Service
public class MissedCalls {

    static final String NOTIFICATION = "softphone.missed";

    private final CallLogEntries entries;
    private final Notifications notifications;
    private final CallEvents events;
    private final UnitOfWork work;
    private final Clock clock;

    MissedCalls(CallLogEntries entries, Notifications notifications, CallEvents events, UnitOfWork work, Clock clock) {
        this.entries = entries;
        this.notifications = notifications;
        this.events = events;
        this.work = work;
        this.clock = clock;
    }

    /** Safe to run twice: the row turns missed once and the user is notified once. */
    public void record(UUID callLogId, String reason) {
        work.run(() -> {
            CallLogEntry row = entries.lock(callLogId).orElse(null);
            if (row == null) {
                return; // deleted meanwhile
            }
            Instant now = clock.instant();
            if (CallLogEntry.RINGING.equals(row.status())) {
                entries.ended(row.id(), CallLogEntry.MISSED, reason, now, 0);
                row = entries.find(row.id()).orElseThrow();
                events.append(CallEvents.Kind.ENDED, row);
            }
            if (!CallLogEntry.MISSED.equals(row.status()) || !entries.markMissedNotified(row.id(), now)) {
                return; // answered or declined meanwhile, or told already
            }
            String from = row.contactName() != null ? row.contactName() : row.remoteNumber();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("callLogId", row.id().toString());
            data.put("number", row.remoteNumber());
            data.put("contactId", row.contactId());
            data.put("contactName", row.contactName());
            data.put("reason", row.missedReason());
            data.put("startedAt", row.startedAt().toString());
            notifications.addOnce(row.userId(), NOTIFICATION, null, "Missed call from " + from, data, now, null);
            events.append(CallEvents.Kind.MISSED, row);
        });
    }
}
