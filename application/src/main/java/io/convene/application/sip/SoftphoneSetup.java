package io.convene.application.sip;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.convene.application.shared.Actor;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.sip.CredentialCipher;
import io.convene.domain.sip.CredentialUnreadableException;
import io.convene.domain.sip.SipCredential;
import io.convene.domain.sip.SipCredentials;
import io.convene.domain.sip.SipSettings;
import io.convene.domain.sip.SipSettingsStore;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What the signed-in user's softphone registers with ({@code GET /api/softphone/config}): the
 * org's SIP server and the user's own extension and password — the one answer that carries a
 * password, and only the caller's own. Until both are set, why not and how an admin fixes it
 * (the greyed-out phone icon's explanation).
 */
@Service
public class SoftphoneSetup {

    private static final Logger log = LoggerFactory.getLogger(SoftphoneSetup.class);

    /** {@code enabled: true} with everything SIP.js needs, or {@code enabled: false} with {@code reason} and {@code howToFix}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SoftphoneConfig(boolean enabled, String wsUrl, String realm, String outboundProxy, String extension,
                                  String password, String displayName, List<SipSettings.IceServer> iceServers,
                                  String reason, String howToFix) {

        static SoftphoneConfig unavailable(String reason, String howToFix) {
            return new SoftphoneConfig(false, null, null, null, null, null, null, null, reason, howToFix);
        }

        @Override
        public String toString() { // never the password
            return "SoftphoneConfig[enabled=" + enabled + ", extension=" + extension + ", reason=" + reason + "]";
        }
    }

    static final String ADMIN_PAGE = "Admin → SIP settings (/admin/settings/sip)";

    private final SipSettingsStore settings;
    private final SipCredentials credentials;
    private final CredentialCipher cipher;
    private final UnitOfWork work;

    SoftphoneSetup(SipSettingsStore settings, SipCredentials credentials, CredentialCipher cipher, UnitOfWork work) {
        this.settings = settings;
        this.credentials = credentials;
        this.cipher = cipher;
        this.work = work;
    }

    public SoftphoneConfig config(Actor actor) {
        record Found(Optional<SipSettings> settings, Optional<SipCredential> credential) {}
        Found found = work.read(() -> new Found(settings.find(), credentials.find(actor.id())));
        SipSettings org = found.settings().orElse(null);
        if (org == null) {
            return SoftphoneConfig.unavailable("sip_not_configured", "SIP is not set up for your organisation yet. "
                    + "An admin enters the SIP server (WebSocket URL and realm) under " + ADMIN_PAGE + " and enables it.");
        }
        if (!org.enabled()) {
            return SoftphoneConfig.unavailable("sip_disabled", "An admin has switched the softphone off for your "
                    + "organisation; it is switched on again under " + ADMIN_PAGE + ".");
        }
        SipCredential mine = found.credential().orElse(null);
        if (mine == null) {
            return SoftphoneConfig.unavailable("no_extension", "You have no SIP extension yet. An admin sets your "
                    + "extension and password (PUT /api/admin/users/{your user id}/sip, Admin → Users → SIP).");
        }
        String password;
        try {
            password = cipher.open(mine.sealedPassword(), actor.id());
        } catch (CredentialUnreadableException e) {
            log.error("Softphone config of user {}: {}", actor.id(), e.getMessage());
            return SoftphoneConfig.unavailable("credentials_unreadable", "Your SIP password cannot be read with the "
                    + "server's key. An admin sets it again under " + ADMIN_PAGE + ", or restores the SIP keyset.");
        }
        return new SoftphoneConfig(true, org.wsUrl(), org.realm(), org.outboundProxy(), mine.extension(), password,
                actor.displayName(), org.iceServers(), null, null);
    }
}
