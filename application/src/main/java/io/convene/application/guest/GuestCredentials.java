package io.convene.application.guest;

import io.convene.application.shared.UnitOfWork;
import io.convene.domain.guest.GuestSessions;
import io.convene.domain.guest.GuestTokens;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Who holds a guest credential: its live, unexpired session, or nobody. The REST API's guest
 * door and the socket gateway both ask here; the credential is looked up by its hash.
 */
@Service
public class GuestCredentials {

    private final GuestSessions sessions;
    private final UnitOfWork work;
    private final Clock clock;

    GuestCredentials(GuestSessions sessions, UnitOfWork work, Clock clock) {
        this.sessions = sessions;
        this.work = work;
        this.clock = clock;
    }

    /** True for a token that claims to be a guest credential (its prefix): the API's and gateway's switch. */
    public static boolean isGuestCredential(String token) {
        return GuestTokens.looksLikeCredential(token);
    }

    public Optional<Guest> authenticate(String credential) {
        if (!GuestTokens.looksLikeCredential(credential) || credential.length() > GuestTokens.MAX_LENGTH) {
            return Optional.empty();
        }
        return work.read(() -> sessions.findByCredential(GuestTokens.hash(credential), clock.instant())
                .map(s -> new Guest(s.id(), s.meetingId(), s.displayName(), s.credentialExpiresAt())));
    }
}
