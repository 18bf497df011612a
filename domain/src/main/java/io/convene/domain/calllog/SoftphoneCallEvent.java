package io.convene.domain.calllog;

import io.convene.domain.event.DomainEvent;
import io.convene.domain.event.EventFamily;
import io.convene.domain.event.EventInfo;
import java.time.Instant;
import java.util.List;

/**
 * A softphone call as the call log records it, keyed by its call-log row; {@code userIds} names its
 * user, whose webhooks and sockets hear of it.
 */
@EventFamily("softphone.call")
public sealed interface SoftphoneCallEvent extends DomainEvent {

    String callLogId();

    @Override
    default String subject() {
        return callLogId();
    }

    @EventInfo(value = "An inbound call rings (the caller's number, and the CRM's contact when one matched).", webhook = true)
    record Ringing(String callLogId, String userId, String direction, String number, String contactId,
                   String contactName, String sipCallId, String status, String missedReason, Instant startedAt,
                   Instant answeredAt, Instant endedAt, long durationSeconds, List<String> userIds)
            implements SoftphoneCallEvent {}

    @EventInfo(value = "An outbound call was placed.", webhook = true)
    record Started(String callLogId, String userId, String direction, String number, String contactId,
                   String contactName, String sipCallId, String status, String missedReason, Instant startedAt,
                   Instant answeredAt, Instant endedAt, long durationSeconds, List<String> userIds)
            implements SoftphoneCallEvent {}

    @EventInfo(value = "A call was answered.", webhook = true)
    record Answered(String callLogId, String userId, String direction, String number, String contactId,
                    String contactName, String sipCallId, String status, String missedReason, Instant startedAt,
                    Instant answeredAt, Instant endedAt, long durationSeconds, List<String> userIds)
            implements SoftphoneCallEvent {}

    @EventInfo(value = "A call ended.", webhook = true)
    record Ended(String callLogId, String userId, String direction, String number, String contactId,
                 String contactName, String sipCallId, String status, String missedReason, Instant startedAt,
                 Instant answeredAt, Instant endedAt, long durationSeconds, List<String> userIds)
            implements SoftphoneCallEvent {}

    @EventInfo(value = "An inbound call nobody answered (or the caller hung up first).", webhook = true)
    record Missed(String callLogId, String userId, String direction, String number, String contactId,
                  String contactName, String sipCallId, String status, String missedReason, Instant startedAt,
                  Instant answeredAt, Instant endedAt, long durationSeconds, List<String> userIds)
            implements SoftphoneCallEvent {}
}
