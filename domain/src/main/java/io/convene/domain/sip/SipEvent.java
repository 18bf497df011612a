package io.convene.domain.sip;

import io.convene.domain.event.DomainEvent;
import io.convene.domain.event.EventFamily;
import io.convene.domain.event.EventInfo;
import java.time.Instant;
import java.util.List;

/** The softphone's SIP setup changed (never a password). */
@EventFamily("sip")
public sealed interface SipEvent extends DomainEvent {

    /** Subject of the org's SIP events (settings, re-encryption): one key, in order. */
    String ORG = "sip-settings";

    @EventInfo(value = "The org's SIP settings changed (admin).", name = "sip.settings.changed", webhook = true)
    record SettingsChanged(boolean enabled, String wsUrl, String realm, String outboundProxy,
                           List<List<String>> iceServers, String changedBy, Instant changedAt) implements SipEvent {
        @Override
        public String subject() {
            return ORG;
        }
    }

    @EventInfo(value = "A user's SIP account was set, changed or removed (action); the password is never in it.",
            name = "sip.credentials.changed", webhook = true)
    record CredentialsChanged(String userId, String action, String extension, boolean passwordChanged,
                              String changedBy, Instant changedAt, List<String> userIds) implements SipEvent {
        @Override
        public String subject() {
            return userId;
        }
    }

    @EventInfo(value = "Every stored SIP password was sealed again with the keyset's primary key.",
            name = "sip.credentials.reencrypted")
    record CredentialsReencrypted(long reencrypted, long keyId, String by, Instant at) implements SipEvent {
        @Override
        public String subject() {
            return ORG;
        }
    }
}
