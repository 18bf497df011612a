package io.convene.application.sip;

import io.convene.domain.sip.SipEvent;
import io.convene.application.shared.Actor;
import io.convene.application.shared.FieldError;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.sip.SipAudit;
import io.convene.domain.sip.SipSettings;
import io.convene.domain.sip.SipSettings.IceServer;
import io.convene.domain.sip.SipSettingsStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The org's SIP settings (Admin → SIP settings): read and replace, admins only. Every change is
 * audited (who, when, what) and emits {@code sip.settings.changed}, in one transaction.
 */
@Service
public class SipSettingsAdmin {

    static final String SUBJECT = "sip-settings";
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*$");
    private static final int MAX_ICE_SERVERS = 10;

    /** The settings as an admin sees and sends them. */
    public record SettingsView(boolean enabled, String wsUrl, String realm, String outboundProxy,
                               List<IceServer> iceServers, Instant updatedAt, String updatedBy) {}

    /** What a PUT sends: the whole settings. */
    public record SettingsInput(Boolean enabled, String wsUrl, String realm, String outboundProxy,
                                List<IceServer> iceServers) {}

    /** One line of the audit: who did what, when (never a password). */
    public record AuditView(Instant at, String actorId, String action, String userId, String detail) {}

    private final SipSettingsStore settings;
    private final SipAudit audit;
    private final SipPolicy policy;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Clock clock;

    SipSettingsAdmin(SipSettingsStore settings, SipAudit audit, SipPolicy policy, EventOutbox outbox, UnitOfWork work,
                     Clock clock) {
        this.settings = settings;
        this.audit = audit;
        this.policy = policy;
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    /** The settings; never configured yet: disabled and empty. */
    public SettingsView get(Actor actor) {
        policy.requireAdmin(actor);
        return work.read(() -> settings.find().map(SipSettingsAdmin::view)
                .orElse(new SettingsView(false, null, null, null, List.of(), null, null)));
    }

    public SettingsView update(SettingsInput input, Actor actor) {
        policy.requireAdmin(actor);
        List<FieldError> errors = new ArrayList<>();
        if (input.enabled() == null) {
            errors.add(new FieldError("enabled", "is required (true or false)"));
        }
        boolean enabled = Boolean.TRUE.equals(input.enabled());
        String wsUrl = wsUrl(input.wsUrl(), enabled, errors);
        String realm = realm(input.realm(), enabled, errors);
        String proxy = outboundProxy(input.outboundProxy(), errors);
        List<IceServer> ice = iceServers(input.iceServers(), errors);
        InvalidInputException.throwIfAny(errors);
        return work.write(() -> {
            Instant now = clock.instant();
            SipSettings changed = new SipSettings(enabled, wsUrl, realm, proxy, ice, now, actor.id());
            settings.save(changed);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("enabled", enabled);
            data.put("wsUrl", wsUrl);
            data.put("realm", realm);
            data.put("outboundProxy", proxy);
            data.put("iceServers", ice.stream().map(IceServer::urls).toList()); // not their credentials
            data.put("changedBy", actor.id());
            data.put("changedAt", now.toString());
            audit.record(now, actor.id(), "settings.changed", null, data);
            outbox.append(new SipEvent.SettingsChanged(enabled, wsUrl, realm, proxy,
                    ice.stream().map(IceServer::urls).toList(), actor.id(), now));
            return view(changed);
        });
    }

    /** The latest audit lines, newest first. */
    public List<AuditView> audit(int limit, Actor actor) {
        policy.requireAdmin(actor);
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be between 1 and 500");
        }
        return work.read(() -> audit.latest(limit)).stream()
                .map(e -> new AuditView(e.at(), e.actorId(), e.action(), e.userId(), e.detail())).toList();
    }

    private static SettingsView view(SipSettings s) {
        return new SettingsView(s.enabled(), s.wsUrl(), s.realm(), s.outboundProxy(), s.iceServers(), s.updatedAt(),
                s.updatedBy());
    }

    private static String wsUrl(String value, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError("wsUrl", "is required when SIP is enabled (wss://…)"));
            }
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            if (!"wss".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || value.length() > 2048
                    || uri.getUserInfo() != null) {
                errors.add(new FieldError("wsUrl", "must be a wss:// URL with a host (the SIP server's WebSocket)"));
                return null;
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            errors.add(new FieldError("wsUrl", "is not a valid URL"));
            return null;
        }
    }

    private static String realm(String value, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError("realm", "is required when SIP is enabled (the SIP domain, e.g. pbx.example.com)"));
            }
            return null;
        }
        String realm = value.strip();
        if (realm.length() > 255 || !HOST.matcher(realm).matches()) {
            errors.add(new FieldError("realm", "must be a domain name such as pbx.example.com"));
            return null;
        }
        return realm;
    }

    private static String outboundProxy(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String proxy = value.strip();
        if (proxy.length() > 2048 || !(proxy.startsWith("sip:") || proxy.startsWith("sips:") || proxy.startsWith("wss://"))
                || proxy.contains(" ")) {
            errors.add(new FieldError("outboundProxy", "must be a sip:, sips: or wss:// URI"));
            return null;
        }
        return proxy;
    }

    private static List<IceServer> iceServers(List<IceServer> servers, List<FieldError> errors) {
        if (servers == null) {
            return List.of();
        }
        if (servers.size() > MAX_ICE_SERVERS) {
            errors.add(new FieldError("iceServers", "at most " + MAX_ICE_SERVERS));
            return List.of();
        }
        List<IceServer> valid = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            IceServer server = servers.get(i);
            String field = "iceServers[" + i + "]";
            if (server == null || server.urls().isEmpty()) {
                errors.add(new FieldError(field + ".urls", "name at least one stun:, turn: or turns: URL"));
                continue;
            }
            boolean ok = true;
            for (int j = 0; j < server.urls().size(); j++) {
                String url = server.urls().get(j);
                if (url == null || url.length() > 512 || !url.matches("^(stun|stuns|turn|turns):[^\\s]+$")) {
                    errors.add(new FieldError(field + ".urls[" + j + "]", "must be a stun:, turn: or turns: URL"));
                    ok = false;
                }
            }
            boolean turn = server.urls().stream().anyMatch(u -> u != null && u.startsWith("turn"));
            if (turn && (server.username() == null || server.credential() == null)) {
                errors.add(new FieldError(field, "a TURN server needs username and credential"));
                ok = false;
            }
            if (ok) {
                valid.add(server);
            }
        }
        return valid;
    }
}
