package io.convene.api.webhook;

import io.convene.application.shared.Actor;
import io.convene.application.webhook.WebhookCatalogue;
import io.convene.application.webhook.WebhookDeliveryLog;
import io.convene.application.webhook.WebhookDeliveryLog.Page;
import io.convene.application.webhook.WebhookDeliveryLog.Replayed;
import io.convene.application.webhook.WebhookRegistration;
import io.convene.application.webhook.WebhookRegistration.WebhookInput;
import io.convene.application.webhook.WebhookRegistration.WebhookView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhooks: register, change, delete, rotate the secret; the delivery log and replay. Owner or admin only. */
@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "webhooks")
class WebhookController {

    /** What a replay of everything failed since a time asks for. */
    record ReplaySince(Instant since) {}

    private final WebhookRegistration registration;
    private final WebhookDeliveryLog deliveries;

    WebhookController(WebhookRegistration registration, WebhookDeliveryLog deliveries) {
        this.registration = registration;
        this.deliveries = deliveries;
    }

    @PostMapping
    @Operation(summary = "Register a webhook; the answer shows its signing secret, once")
    ResponseEntity<WebhookView> create(@RequestBody WebhookInput input, Actor actor) {
        WebhookView created = registration.create(input, actor);
        return ResponseEntity.created(URI.create("/api/webhooks/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "My webhooks (an admin: everyone's)")
    List<WebhookView> list(@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset,
                           Actor actor) {
        return registration.list(actor, limit, offset);
    }

    @GetMapping("/event-types")
    @Operation(summary = "The event types a webhook may subscribe to (or \"*\")")
    List<String> eventTypes() {
        return WebhookCatalogue.TYPES;
    }

    @GetMapping("/{webhookId}")
    WebhookView get(@PathVariable String webhookId, Actor actor) {
        return registration.get(webhookId, actor);
    }

    @PatchMapping("/{webhookId}")
    @Operation(summary = "Change URL, event types, description or active (re-enable a disabled webhook)")
    WebhookView update(@PathVariable String webhookId, @RequestBody WebhookInput input, Actor actor) {
        return registration.update(webhookId, input, actor);
    }

    @DeleteMapping("/{webhookId}")
    ResponseEntity<Void> delete(@PathVariable String webhookId, Actor actor) {
        registration.delete(webhookId, actor);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{webhookId}/rotate-secret")
    @Operation(summary = "A new signing secret, shown once; the old one signs too during the overlap")
    WebhookView rotateSecret(@PathVariable String webhookId, Actor actor) {
        return registration.rotateSecret(webhookId, actor);
    }

    @GetMapping("/{webhookId}/deliveries")
    @Operation(summary = "The delivery log, newest first; page on with before = the answer's nextBefore")
    Page log(@PathVariable String webhookId, @RequestParam(required = false) Instant before,
             @RequestParam(defaultValue = "20") int limit, Actor actor) {
        return deliveries.log(webhookId, before, limit, actor);
    }

    @PostMapping("/{webhookId}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send one delivery again (same webhook-id and body)")
    ResponseEntity<Replayed> replay(@PathVariable String webhookId, @PathVariable String deliveryId, Actor actor) {
        return ResponseEntity.accepted().body(deliveries.replay(webhookId, deliveryId, actor));
    }

    @PostMapping("/{webhookId}/replay")
    @Operation(summary = "Send every failed or skipped delivery since a time again")
    ResponseEntity<Replayed> replaySince(@PathVariable String webhookId, @RequestBody ReplaySince request, Actor actor) {
        return ResponseEntity.accepted().body(deliveries.replaySince(webhookId, request.since(), actor));
    }
}
