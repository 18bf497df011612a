package io.convene.application.sip;

import io.convene.domain.sip.SipEvent;
import io.convene.application.shared.Actor;
import io.convene.application.shared.ConflictException;
import io.convene.application.shared.FieldError;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.NotFoundException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.sip.CredentialCipher;
import io.convene.domain.sip.SipAudit;
import io.convene.domain.sip.SipCredential;
import io.convene.domain.sip.SipCredentials;
import io.convene.domain.user.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Users' SIP accounts, set by an admin (seed 000: "not auto-provisioned"): the extension and
 * the password. The password is sealed before it reaches the database ({@link CredentialCipher});
 * no answer, event, audit line or error message of this class ever holds it — only the
 * signed-in user's own softphone config does ({@link SoftphoneSetup}).
 */
@Service
public class SipAccounts {

    static final Pattern EXTENSION = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z_.+-]{0,31}$");
    static final int MAX_PASSWORD = 128;
    private static final int REENCRYPT_BATCH = 200;

    /** What an admin sees of an account: never the password, only whether one is set. */
    public record AccountView(String userId, String extension, boolean passwordSet, Instant updatedAt, String updatedBy) {}

    /** What a PUT sends; {@code password} may be left out to keep the one set. */
    public record AccountInput(String extension, String password) {
        @Override
        public String toString() { // never the password
            return "AccountInput[extension=" + extension + "]";
        }
    }

    /** How a re-encryption went: how many passwords moved to the keyset's primary key {@code keyId}. */
    public record Reencrypted(int reencrypted, long keyId) {}

    private final SipCredentials credentials;
    private final CredentialCipher cipher;
    private final UserDirectory users;
    private final SipAudit audit;
    private final SipPolicy policy;
    private final EventOutbox outbox;
    private final UnitOfWork work;
    private final Clock clock;

    SipAccounts(SipCredentials credentials, CredentialCipher cipher, UserDirectory users, SipAudit audit, SipPolicy policy,
                EventOutbox outbox, UnitOfWork work, Clock clock) {
        this.credentials = credentials;
        this.cipher = cipher;
        this.users = users;
        this.audit = audit;
        this.policy = policy;
        this.outbox = outbox;
        this.work = work;
        this.clock = clock;
    }

    public AccountView get(String userId, Actor actor) {
        policy.requireAdmin(actor);
        return work.read(() -> credentials.find(userId)).map(SipAccounts::view)
                .orElseThrow(() -> new NotFoundException("SIP account of user", userId));
    }

    public AccountView set(String userId, AccountInput input, Actor actor) {
        policy.requireAdmin(actor);
        List<FieldError> errors = new ArrayList<>();
        String extension = input.extension() == null ? null : input.extension().strip();
        if (extension == null || extension.isEmpty()) {
            errors.add(new FieldError("extension", "is required"));
        } else if (!EXTENSION.matcher(extension).matches()) {
            errors.add(new FieldError("extension", "must be 1 to 32 letters, digits or _ . + - (e.g. 1001)"));
        }
        String password = input.password();
        if (password != null && (password.isBlank() || password.length() > MAX_PASSWORD)) {
            errors.add(new FieldError("password", "must be 1 to " + MAX_PASSWORD + " characters, not only spaces"));
        }
        InvalidInputException.throwIfAny(errors);
        if (users.find(userId).isEmpty()) { // Keycloak, before any transaction
            throw new NotFoundException("user", userId);
        }
        CredentialCipher.Sealed sealed = password == null ? null : cipher.seal(password, userId);
        return work.write(() -> {
            SipCredential existing = credentials.find(userId).orElse(null);
            if (sealed == null && existing == null) {
                throw new InvalidInputException("password", "is required: this user has no SIP password yet");
            }
            credentials.ownerOf(extension).filter(owner -> !owner.equals(userId)).ifPresent(owner -> {
                throw new ConflictException("Extension " + extension + " belongs to another user");
            });
            Instant now = clock.instant();
            SipCredential saved = new SipCredential(userId, extension,
                    sealed != null ? sealed.ciphertext() : existing.sealedPassword(),
                    sealed != null ? sealed.keyId() : existing.keyId(), now, actor.id());
            credentials.save(saved);
            changed(userId, "set", extension, sealed != null, actor, now);
            return view(saved);
        });
    }

    public void delete(String userId, Actor actor) {
        policy.requireAdmin(actor);
        work.run(() -> {
            if (!credentials.delete(userId)) {
                throw new NotFoundException("SIP account of user", userId);
            }
            changed(userId, "deleted", null, false, actor, clock.instant());
        });
    }

    /**
     * Seals every password that an older key sealed again with the keyset's primary key — after a
     * rotation (a new primary key in the keyset), so that the old key can then be removed. In
     * batches, one transaction each; safe to run again and on several nodes at once.
     */
    public Reencrypted reencrypt(Actor actor) {
        policy.requireAdmin(actor);
        long primary = cipher.primaryKeyId();
        int done = 0;
        while (true) {
            int batch = work.write(() -> {
                int moved = 0;
                for (SipCredential c : credentials.sealedByOtherThan(primary, REENCRYPT_BATCH)) {
                    CredentialCipher.Sealed again = cipher.seal(cipher.open(c.sealedPassword(), c.userId()), c.userId());
                    if (again.keyId() != primary) {
                        throw new ConflictException("The SIP keyset changed during the re-encryption; run it again");
                    }
                    if (credentials.reseal(c.userId(), c.keyId(), again.ciphertext(), again.keyId())) {
                        moved++;
                    }
                }
                return moved;
            });
            done += batch;
            if (batch < REENCRYPT_BATCH) {
                break;
            }
        }
        int total = done;
        work.run(() -> {
            Instant now = clock.instant();
            Map<String, Object> detail = Map.of("reencrypted", total, "keyId", primary);
            audit.record(now, actor.id(), "credentials.reencrypted", null, detail);
            outbox.append(new SipEvent.CredentialsReencrypted(total, primary, actor.id(), now));
        });
        return new Reencrypted(total, primary);
    }

    private void changed(String userId, String action, String extension, boolean passwordChanged, Actor actor, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", userId);
        data.put("action", action);
        data.put("extension", extension);
        data.put("passwordChanged", passwordChanged);
        data.put("changedBy", actor.id());
        data.put("changedAt", now.toString());
        audit.record(now, actor.id(), "credentials." + action, userId, data);
        // the user's own webhooks and sockets hear of it (userIds)
        outbox.append(new SipEvent.CredentialsChanged(userId, action, extension, passwordChanged, actor.id(), now,
                List.of(userId)));
    }

    private static AccountView view(SipCredential c) {
        return new AccountView(c.userId(), c.extension(), c.sealedPassword() != null, c.updatedAt(), c.updatedBy());
    }
}
