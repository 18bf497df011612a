package io.convene.application.calllog;

import io.convene.application.shared.Actor;
import io.convene.application.shared.ForbiddenException;
import io.convene.application.shared.NotFoundException;
import io.convene.domain.calllog.CallLogEntry;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who sees what of the call log: everyone their own calls, admins the whole org (seed 000,
 * Permissions). Only the user whose softphone it is reports a call's progress; another user's
 * row is "not found".
 */
@Component
class CallLogPolicy {

    /** Whose rows a list or KPI query may cover: the caller's own, or (admins) anyone's or everyone's (null). */
    String scope(String requestedUserId, Actor actor) {
        if (actor.isAdmin()) {
            return requestedUserId;
        }
        if (requestedUserId != null && !requestedUserId.equals(actor.id())) {
            throw new ForbiddenException("Only admins see other users' calls");
        }
        return actor.id();
    }

    CallLogEntry ownRow(CallLogEntry entry, UUID id, Actor actor) {
        if (entry == null || !entry.userId().equals(actor.id()) || !CallLogEntry.SOFTPHONE.equals(entry.source())) {
            throw new NotFoundException("call", id);
        }
        return entry;
    }
}
