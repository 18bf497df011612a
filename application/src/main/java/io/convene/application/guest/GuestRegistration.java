package io.convene.application.guest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
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
 * material of their temporary Signal identity (seed 002 §4.1), as the seed's client sends it
 * ({@code signedPreKey.toJson()}, {@code preKeys} as objects; strings are taken too), kept as sent.
 * The answer is a session id and a guest credential; the session's guest-admission instance
 * starts. Throttled per client address, input checked (400 naming the field), the token checked
 * (the uniform 404; a current link whose window has not opened yet: 409, no session), then the
 * link's join cap (403).
 */
@Service
public class GuestRegistration {

    public static final int MAX_DISPLAY_NAME = 100;
    public static final int MAX_PRE_KEYS = 100;
    /** One pre-key, one signed pre-key, as JSON text; and how deep their objects may nest. */
    public static final int MAX_PRE_KEY_CHARS = 1024;
    public static final int MAX_SIGNED_PRE_KEY_CHARS = 2048;
    public static final int MAX_KEY_DEPTH = 3;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s.]{1,63}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** What the guest sends; {@code signedPreKey} and each of {@code preKeys}: the client's JSON (objects or strings). */
    public record RegisterInput(String token, String displayName, String email, String identityKeyPublic,
                                JsonNode signedPreKey, JsonNode preKeys) {}

    /** A current link whose window has not opened yet: 409, nothing is created (the page counts down). */
    public static class NotOpenYetException extends io.convene.application.shared.ConflictException {
        NotOpenYetException(String message) {
            super(message);
        }
    }

    private record Keys(String signedPreKey, String preKeys) {}

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
        Keys keys = validate(input, displayName, email);
        return work.write(() -> {
            Instant now = clock.instant();
            Invitations.Valid valid = invitations.lookUp(input.token(), now);
            Meeting meeting = valid.meeting();
            if (!valid.joinable()) {
                throw new NotOpenYetException("This invitation opens at " + invitations.validFrom(meeting)
                        + ", " + GuestLanding.human(invitations.rules().linkValidBefore())
                        + " before the meeting starts; join then.");
            }
            if (!links.takeJoin(GuestTokens.hash(input.token()), limits.maxJoinsPerLink())) {
                throw new ForbiddenException("This invitation link has been used " + limits.maxJoinsPerLink()
                        + " times; ask the host for a new one.");
            }
            GuestSessionId id = GuestSessionId.newId();
            String credential = GuestTokens.newCredential();
            Instant expiresAt = now.plus(admission.rules().sessionMaximum());
            Instant credentialExpiresAt = min(now.plus(limits.credentialTtl()), expiresAt);
            sessions.add(new GuestSession(id, meeting.id(), displayName, email, input.identityKeyPublic().strip(),
                    keys.signedPreKey(), keys.preKeys(), Admission.NONE, null, 0, null, credentialExpiresAt, now,
                    expiresAt, null, null), GuestTokens.hash(credential));
            admission.registered(id.toString(), meeting.id().value());
            return new Registered(id.toString(), meeting.id().value(), credential, credentialExpiresAt, expiresAt,
                    expiresAt);
        });
    }

    private Keys validate(RegisterInput input, String displayName, String email) {
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
        String signedPreKey = keyValue(errors, "signedPreKey", input.signedPreKey(), MAX_SIGNED_PRE_KEY_CHARS);
        String preKeys = null;
        JsonNode list = input.preKeys();
        if (list == null || list.isNull()) {
            errors.add(new FieldError("preKeys", "is required (a list, at most " + MAX_PRE_KEYS + ")"));
        } else if (!list.isArray()) {
            errors.add(new FieldError("preKeys", "must be a list of pre-keys (objects or strings)"));
        } else if (list.size() > MAX_PRE_KEYS) {
            errors.add(new FieldError("preKeys", "at most " + MAX_PRE_KEYS + " pre-keys"));
        } else {
            int before = errors.size();
            for (int i = 0; i < list.size() && errors.size() - before < 5; i++) {
                keyValue(errors, "preKeys[" + i + "]", list.get(i), MAX_PRE_KEY_CHARS);
            }
            if (errors.size() == before) {
                preKeys = write(list);
            }
        }
        InvalidInputException.throwIfAny(errors);
        return new Keys(signedPreKey, preKeys);
    }

    /**
     * One key as the client sent it: a string, or an object of at most {@link #MAX_KEY_DEPTH}
     * levels whose JSON text is at most {@code maxChars}. Its JSON text, or null after an error.
     */
    private String keyValue(List<FieldError> errors, String field, JsonNode value, int maxChars) {
        if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (!value.isTextual() && !value.isObject()) {
            errors.add(new FieldError(field, "must be an object (toJson() of the key) or a string"));
            return null;
        }
        if (depth(value) > MAX_KEY_DEPTH) {
            errors.add(new FieldError(field, "nests deeper than " + MAX_KEY_DEPTH + " levels"));
            return null;
        }
        String text = write(stripped(value));
        if (text.length() > maxChars) {
            errors.add(new FieldError(field, "is too large (at most " + maxChars + " characters of JSON)"));
            return null;
        }
        return text;
    }

    private static int depth(JsonNode node) {
        if (!node.isContainerNode()) {
            return 0;
        }
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
            if (deepest >= MAX_KEY_DEPTH) {
                break; // deep enough to refuse; stop walking
            }
        }
        return 1 + deepest;
    }

    /** A string key without surrounding blanks; anything else as sent. */
    private static JsonNode stripped(JsonNode value) {
        return value.isTextual() ? TextNode.valueOf(value.asText().strip()) : value;
    }

    private String write(JsonNode value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON value does not write back", e);
        }
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
