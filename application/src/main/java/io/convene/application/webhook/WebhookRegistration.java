package io.convene.application.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.convene.application.shared.Actor;
import io.convene.application.shared.FieldError;
import io.convene.application.shared.ForbiddenException;
import io.convene.application.shared.InvalidInputException;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.webhook.SecretBox;
import io.convene.domain.webhook.UnsafeUrlException;
import io.convene.domain.webhook.Webhook;
import io.convene.domain.webhook.WebhookTransport;
import io.convene.domain.webhook.Webhooks;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Registering webhooks: create, list, read, change, delete, rotate the secret. The secret is
 * shown once (at creation and rotation), kept encrypted, and never returned again. The URL is
 * checked against the egress rules here and again at every send.
 */
@Service
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookRegistration {

    static final int MAX_TYPES = 50;
    static final int MAX_PAGE = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A webhook as its owner sees it; {@code secret} only in the answer to a creation or a rotation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebhookView(UUID id, String ownerId, boolean orgWide, String url, List<String> eventTypes,
                              String description, boolean active, String disabledReason, Instant disabledAt,
                              Instant createdAt, Instant updatedAt, Instant previousSecretValidUntil, String secret) {}

    /** What a creation or a change asks for; null fields of a change stay as they are. */
    public record WebhookInput(String url, List<String> eventTypes, String description, Boolean active, Boolean orgWide) {}

    private final Webhooks webhooks;
    private final WebhookPolicy policy;
    private final SecretBox secrets;
    private final WebhookTransport transport;
    private final WebhookProperties properties;
    private final UnitOfWork work;
    private final Clock clock;

    WebhookRegistration(Webhooks webhooks, WebhookPolicy policy, SecretBox secrets, WebhookTransport transport,
                        WebhookProperties properties, UnitOfWork work, Clock clock) {
        this.webhooks = webhooks;
        this.policy = policy;
        this.secrets = secrets;
        this.transport = transport;
        this.properties = properties;
        this.work = work;
        this.clock = clock;
    }

    public WebhookView create(WebhookInput input, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        String url = url(input.url(), errors);
        List<String> types = eventTypes(input.eventTypes(), errors);
        String description = description(input.description(), errors);
        InvalidInputException.throwIfAny(errors);
        boolean orgWide = Boolean.TRUE.equals(input.orgWide());
        if (orgWide && !actor.isAdmin()) {
            throw new ForbiddenException("only admins register org-wide webhooks");
        }
        UUID id = UUID.randomUUID();
        String secret = newSecret();
        Instant now = clock.instant();
        Webhook webhook = new Webhook(id, actor.id(), orgWide, url, types, description,
                !Boolean.FALSE.equals(input.active()), null, null, secrets.seal(secret, id.toString()), null, null, now, now);
        work.run(() -> webhooks.add(webhook));
        return view(webhook, secret);
    }

    /** The caller's webhooks; an admin's view is everyone's. */
    public List<WebhookView> list(Actor actor, int limit, int offset) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_PAGE);
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", "must not be negative");
        }
        return work.read(() -> webhooks.list(actor.isAdmin() ? null : actor.id(), limit, offset))
                .stream().map(w -> view(w, null)).toList();
    }

    public WebhookView get(String webhookId, Actor actor) {
        return view(work.read(() -> policy.visible(webhookId, actor)), null);
    }

    public WebhookView update(String webhookId, WebhookInput input, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        String url = input.url() == null ? null : url(input.url(), errors);
        List<String> types = input.eventTypes() == null ? null : eventTypes(input.eventTypes(), errors);
        String description = description(input.description(), errors);
        if (input.orgWide() != null) {
            errors.add(new FieldError("orgWide", "cannot be changed; register another webhook"));
        }
        InvalidInputException.throwIfAny(errors);
        return work.write(() -> {
            Webhook w = policy.visible(webhookId, actor);
            Webhook changed = new Webhook(w.id(), w.ownerId(), w.orgWide(), url == null ? w.url() : url,
                    types == null ? w.eventTypes() : types, input.description() == null ? w.description() : description,
                    input.active() == null ? w.active() : input.active(), w.disabledReason(), w.disabledAt(),
                    w.secret(), w.previousSecret(), w.previousSecretUntil(), w.createdAt(), clock.instant());
            webhooks.update(changed, clock.instant());
            return view(webhooks.find(w.id()).orElseThrow(), null);
        });
    }

    public void delete(String webhookId, Actor actor) {
        work.run(() -> webhooks.delete(policy.visible(webhookId, actor).id()));
    }

    /** A new secret, shown once; the old one keeps signing too for {@code secret-overlap}. */
    public WebhookView rotateSecret(String webhookId, Actor actor) {
        String secret = newSecret();
        return work.write(() -> {
            Webhook w = policy.visible(webhookId, actor);
            Instant now = clock.instant();
            webhooks.rotate(w.id(), secrets.seal(secret, w.id().toString()), w.secret(),
                    now.plus(properties.secretOverlap()), now);
            return view(webhooks.find(w.id()).orElseThrow(), secret);
        });
    }

    private String url(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("url", "is required"));
            return null;
        }
        if (value.length() > 2048) {
            errors.add(new FieldError("url", "must be at most 2048 characters"));
            return null;
        }
        try {
            URI uri = new URI(value);
            transport.check(uri);
            return uri.toString();
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "is not a valid URL"));
        } catch (UnsafeUrlException e) {
            errors.add(new FieldError("url", e.getMessage()));
        }
        return null;
    }

    private static List<String> eventTypes(List<String> types, List<FieldError> errors) {
        if (types == null || types.isEmpty()) {
            errors.add(new FieldError("eventTypes", "name at least one event type, or \"*\" for all"));
            return null;
        }
        if (types.size() > MAX_TYPES) {
            errors.add(new FieldError("eventTypes", "at most " + MAX_TYPES + " types"));
            return null;
        }
        for (String type : types) {
            if (type == null || !(type.equals(Webhook.ALL) || WebhookCatalogue.known(type))) {
                errors.add(new FieldError("eventTypes", "unknown event type: " + type + " (see GET /api/webhooks/event-types)"));
                return null;
            }
        }
        return types.stream().distinct().toList();
    }

    private static String description(String value, List<FieldError> errors) {
        if (value != null && value.length() > 500) {
            errors.add(new FieldError("description", "must be at most 500 characters"));
        }
        return value;
    }

    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private WebhookView view(Webhook w, String secret) {
        Instant overlap = w.previousSecretUntil() != null && w.previousSecretUntil().isAfter(clock.instant())
                ? w.previousSecretUntil() : null;
        return new WebhookView(w.id(), w.ownerId(), w.orgWide(), w.url(), w.eventTypes(), w.description(), w.active(),
                w.disabledReason(), w.disabledAt(), w.createdAt(), w.updatedAt(), overlap, secret);
    }
}
