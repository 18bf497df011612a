package io.convene.domain.presence;

import io.convene.domain.event.DomainEvent;
import io.convene.domain.event.EventFamily;
import io.convene.domain.event.EventInfo;
import java.time.Instant;

/** A user's presence as the others see it; keyed by the user. */
@EventFamily("presence")
public sealed interface PresenceEvent extends DomainEvent {

    String userId();

    @Override
    default String subject() {
        return userId();
    }

    @EventInfo("A user came online or went offline, or entered or left a call (inCall).")
    record Changed(String userId, String status, Instant lastSeen, boolean inCall) implements PresenceEvent {}
}
