package io.convene.application.guest;

import io.convene.domain.guest.GuestEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.application.guest.GuestResults.Credential;
import io.convene.application.guest.GuestResults.KeyBundle;
import io.convene.application.guest.GuestResults.SessionView;
import io.convene.application.shared.Actor;
import io.convene.application.shared.NotFoundException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.guest.GuestSession;
import io.convene.domain.guest.GuestSessionId;
import io.convene.domain.guest.GuestSessions;
import io.convene.domain.guest.GuestTokens;
import io.convene.processes.guest.GuestAdmissionGateway;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * A guest session as its guest and the meeting's participants use it: the pre-key bundle, the
 * session's state, a fresh credential, the guest leaving for good. Reconnecting reuses the
 * session while it lives (seed 002, Additional Open Question 6): the guest renews its credential.
 */
@Service
public class GuestSessionCare {

    private final GuestSessions sessions;
    private final GuestPolicy policy;
    private final GuestAdmissionGateway admission;
    private final GuestProperties limits;
    private final EventOutbox outbox;
    private final ObjectMapper json;
    private final UnitOfWork work;
    private final Clock clock;

    GuestSessionCare(GuestSessions sessions, GuestPolicy policy, GuestAdmissionGateway admission, GuestProperties limits,
                     EventOutbox outbox, ObjectMapper json, UnitOfWork work, Clock clock) {
        this.sessions = sessions;
        this.policy = policy;
        this.admission = admission;
        this.limits = limits;
        this.outbox = outbox;
        this.json = json;
        this.work = work;
        this.clock = clock;
    }

    /** The bundle for a participant of the session's meeting (or an org admin); anyone else 404. */
    public KeyBundle keys(String sessionId, Actor actor) {
        return work.read(() -> bundle(policy.visible(sessionId, actor)));
    }

    /** The bundle for the guest itself; another session's (of any meeting) is 404. */
    public KeyBundle keys(String sessionId, Guest guest) {
        return work.read(() -> bundle(live(policy.own(sessionId, guest), sessionId)));
    }

    public SessionView status(String sessionId, Guest guest) {
        return work.read(() -> view(live(policy.own(sessionId, guest), sessionId)));
    }

    /** A new credential for the session (the old one stops working); never past the session's end. */
    public Credential renew(String sessionId, Guest guest) {
        return work.write(() -> {
            GuestSession session = live(policy.own(sessionId, guest), sessionId);
            String credential = GuestTokens.newCredential();
            Instant now = clock.instant();
            Instant expires = now.plus(limits.credentialTtl());
            if (expires.isAfter(session.expiresAt())) {
                expires = session.expiresAt();
            }
            sessions.renewCredential(session.id(), GuestTokens.hash(credential), expires);
            return new Credential(sessionId, credential, expires);
        });
    }

    /** The guest leaves for good: the session ends, its credential stops working, its process ends. */
    public void end(String sessionId, Guest guest) {
        work.run(() -> {
            GuestSession session = live(policy.own(sessionId, guest), sessionId);
            if (sessions.end(session.id(), clock.instant(), "ended_by_guest")) {
                if (session.joinedAt() != null) {
                    outbox.append(new GuestEvent.Left(session.meetingId(), sessionId, session.displayName(), "left"));
                }
                outbox.append(new GuestEvent.SessionEnded(session.meetingId(), sessionId)); // its sockets are closed
                admission.sessionEnded(sessionId);
            }
        });
    }

    private GuestSession live(GuestSessionId id, String text) {
        return sessions.find(id).filter(s -> s.isActive(clock.instant()))
                .orElseThrow(() -> new NotFoundException("guest session", text));
    }

    private KeyBundle bundle(GuestSession session) {
        try {
            // both stored as the JSON the guest sent (V16 turned older plain strings into JSON strings)
            return new KeyBundle(session.id().toString(), session.identityKeyPublic(),
                    json.readTree(session.signedPreKey()), json.readTree(session.preKeysJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored pre-keys are not JSON", e);
        }
    }

    static SessionView view(GuestSession s) {
        return new SessionView(s.id().toString(), s.meetingId().value(), s.displayName(),
                s.admission().name().toLowerCase(), s.credentialExpiresAt(), s.expiresAt());
    }
}
