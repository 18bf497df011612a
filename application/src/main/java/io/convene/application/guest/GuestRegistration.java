package io.convene.application.guest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.application.guest.GuestResults.Registered;
import io.convene.application.guest.GuestThrottle.Endpoint;
import io.convene.application.shared.FieldError;
import io.convene.application.shared.ForbiddenException;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.guest.Admission;
import io.convene.domain.guest.GuestLinks;
import io.convene.domain.guest.GuestSession;
import io.convene.domain.guest.GuestSessionId;
import io.convene.domain.guest.GuestSessions;
import io.convene.domain.guest.GuestTokens;
import io.convene.domain.meeting.Meeting;
import io.convene.processes.guest.GuestAdmissionGateway;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * A stranger with a valid link registers: a display name, an optional email, and the public key
 * material of their temporary Signal identity (seed 002 §4.1). The answer is a session id and a
 * guest credential; the session's guest-admission instance starts. Throttled per client address,
 * input checked (400 naming the field), the token checked (the uniform 404), then the link's
 * join cap (403).
 */
@Service
public class GuestRegistration {

    public static final int MAX_DISPLAY_NAME = 100;
    public static final int MAX_PRE_KEYS = 100;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s.]{1,63}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** What the guest sends; {@code preKeys} are the client's own JSON values (objects or strings). */
    public record RegisterInput(String token, String displayName, String email, String identityKeyPublic,
                                String signedPreKey, List<Object> preKeys) {}

    private final GuestThrottle throttle;
    private final Invitations invitations;
    private final GuestLinks links;
    private final GuestSessions sessions;
    private final GuestAdmissionGateway admission;
    private final GuestProperties limits;
    private final ObjectMapper json;
    private final UnitOfWork work;
    private final Clock clock;

    GuestRegistration(GuestThrottle throttle, Invitations invitations, GuestLinks links, GuestSessions sessions,
                      GuestAdmissionGateway admission, GuestProperties limits, ObjectMapper json, UnitOfWork work,
                      Clock clock) {
        this.throttle = throttle;
        this.invitations = invitations;
        this.links = links;
        this.sessions = sessions;
        this.admission = admission;
        this.limits = limits;
        this.json = json;
        this.work = work;
        this.clock = clock;
    }

    public Registered register(RegisterInput input, String client) {
        throttle.check(Endpoint.REGISTER, client);
        String displayName = input.displayName() == null ? null : input.displayName().strip();
        String email = input.email() == null || input.email().isBlank() ? null : input.email().strip();
        String preKeys = validate(input, displayName, email);
        return work.write(() -> {
            Instant now = clock.instant();
            Meeting meeting = invitations.open(input.token(), now);
            if (!links.takeJoin(GuestTokens.hash(input.token()), limits.maxJoinsPerLink())) {
                throw new ForbiddenException("This invitation link has been used " + limits.maxJoinsPerLink()
                        + " times; ask the host for a new one.");
            }
            GuestSessionId id = GuestSessionId.newId();
            String credential = GuestTokens.newCredential();
            Instant expiresAt = now.plus(admission.rules().sessionMaximum());
            Instant credentialExpiresAt = min(now.plus(limits.credentialTtl()), expiresAt);
            sessions.add(new GuestSession(id, meeting.id(), displayName, email, input.identityKeyPublic().strip(),
                    input.signedPreKey().strip(), preKeys, Admission.NONE, null, 0, null, credentialExpiresAt, now,
                    expiresAt, null, null), GuestTokens.hash(credential));
            admission.registered(id.toString(), meeting.id().value());
            return new Registered(id.toString(), meeting.id().value(), credential, credentialExpiresAt, expiresAt);
        });
    }

    private String validate(RegisterInput input, String displayName, String email) {
        List<FieldError> errors = new ArrayList<>();
        if (input.token() == null || input.token().isBlank()) {
            errors.add(new FieldError("token", "is required"));
        }
        if (displayName == null || displayName.isEmpty()) {
            errors.add(new FieldError("displayName", "is required"));
        } else if (displayName.length() > MAX_DISPLAY_NAME) {
            errors.add(new FieldError("displayName", "must be at most " + MAX_DISPLAY_NAME + " characters"));
        } else if (CONTROL.matcher(displayName).find()) {
            errors.add(new FieldError("displayName", "must not contain control characters"));
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "is not an email address"));
        }
        key(errors, "identityKeyPublic", input.identityKeyPublic(), 1024);
        key(errors, "signedPreKey", input.signedPreKey(), 2048);
        String preKeys = null;
        if (input.preKeys() == null) {
            errors.add(new FieldError("preKeys", "is required (a list, at most " + MAX_PRE_KEYS + ")"));
        } else if (input.preKeys().size() > MAX_PRE_KEYS) {
            errors.add(new FieldError("preKeys", "at most " + MAX_PRE_KEYS + " pre-keys"));
        } else {
            for (int i = 0; i < input.preKeys().size(); i++) {
                if (input.preKeys().get(i) == null) {
                    errors.add(new FieldError("preKeys[" + i + "]", "must not be null"));
                }
            }
            try {
                preKeys = json.writeValueAsString(input.preKeys());
                if (preKeys.length() > MAX_PRE_KEYS * 1024) {
                    errors.add(new FieldError("preKeys", "too large (at most 1 KB per pre-key)"));
                }
            } catch (JsonProcessingException e) {
                errors.add(new FieldError("preKeys", "is not JSON"));
            }
        }
        InvalidInputException.throwIfAny(errors);
        return preKeys;
    }

    private static void key(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
