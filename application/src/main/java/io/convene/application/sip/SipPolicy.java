package io.convene.application.sip;

import io.convene.application.shared.Actor;
import io.convene.application.shared.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Who may manage SIP: the org's admins (realm role {@code admin}, as for org-wide webhooks).
 * Settings and accounts are the org's, not hidden objects: a non-admin is told 403.
 */
@Component
class SipPolicy {

    void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new ForbiddenException("Only admins manage SIP settings and SIP accounts");
        }
    }
}
