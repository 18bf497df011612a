package io.convene.application.webhook;

import io.convene.domain.webhook.WebhookEvent;
import io.convene.application.shared.UnitOfWork;
import io.convene.application.webhook.WebhookDispatch.Claimed;
import io.convene.domain.event.EventOutbox;
import io.convene.domain.notification.Notifications;
import io.convene.domain.webhook.SecretBox;
import io.convene.domain.webhook.SendOutcome;
import io.convene.domain.webhook.SignedDelivery;
import io.convene.domain.webhook.Webhook;
import io.convene.domain.webhook.WebhookDeliveries;
import io.convene.domain.webhook.WebhookDelivery;
import io.convene.domain.webhook.WebhookTransport;
import io.convene.domain.webhook.Webhooks;
import io.convene.processes.webhook.WebhookDeliveryGateway;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Sending deliveries. A first attempt (and a replay) is sent by the node that claimed it, on
 * its sender pool, right after the commit: the request holds no transaction; its outcome is
 * recorded in a short one. 2xx: delivered. 410: the webhook is disabled at once. Any other
 * failure starts the {@code webhook-delivery} process, which owns the retries
 * ({@link #retry}) and the end of a schedule that ran out ({@link #giveUp}).
 */
@Service
public class WebhookAttempts implements WebhookRetries, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookAttempts.class);
    static final String DISABLED_EVENT = "webhook.disabled";
    static final String ATTEMPTS = "convene.webhooks.attempts";

    private final Webhooks webhooks;
    private final WebhookDeliveries deliveries;
    private final SecretBox secrets;
    private final WebhookTransport transport;
    private final WebhookDeliveryGateway process;
    private final Notifications notifications;
    private final EventOutbox outbox;
    private final WebhookProperties properties;
    private final UnitOfWork work;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ThreadPoolExecutor senders;

    WebhookAttempts(Webhooks webhooks, WebhookDeliveries deliveries, SecretBox secrets, WebhookTransport transport,
                    WebhookDeliveryGateway process, Notifications notifications, EventOutbox outbox,
                    WebhookProperties properties, UnitOfWork work, Clock clock, MeterRegistry meters) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.transport = transport;
        this.process = process;
        this.notifications = notifications;
        this.outbox = outbox;
        this.properties = properties;
        this.work = work;
        this.clock = clock;
        this.meters = meters;
        this.senders = new ThreadPoolExecutor(properties.senderThreads(), properties.senderThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.senderQueue()), r -> {
                    Thread thread = new Thread(r, "webhook-sender");
                    thread.setDaemon(true);
                    return thread;
                });
        meters.gauge("convene.webhooks.sender.queued", senders, s -> s.getQueue().size());
    }

    /** Sends each claimed delivery on the sender pool; one the pool cannot take waits for the sweep. */
    public void submit(List<Claimed> claimed) {
        for (Claimed c : claimed) {
            try {
                senders.execute(new Send(c));
            } catch (RejectedExecutionException e) {
                meters.counter("convene.webhooks.sender.full").increment();
            }
        }
    }

    /** A queued send; the pool's queue holds these, so a stopping node knows which claims it hands back. */
    private final class Send implements Runnable {

        private final Claimed claimed;

        Send(Claimed claimed) {
            this.claimed = claimed;
        }

        @Override
        public void run() {
            try {
                send(claimed);
            } catch (RuntimeException e) {
                log.warn("webhook delivery {} not finished now (the sweep takes it once its claim lapses): {}",
                        claimed.deliveryId(), e.toString());
            }
        }
    }

    /** Claims pending deliveries whose claim lapsed (their node died, or its sender was full) and sends them. */
    public int recoverUnsent() {
        Instant now = clock.instant();
        Instant token = now.plus(properties.claim()).truncatedTo(ChronoUnit.MICROS);
        List<UUID> ids = work.write(() -> deliveries.claimUnsent(now, token, 200));
        submit(ids.stream().map(id -> new Claimed(id, token)).toList());
        return ids.size();
    }

    /** A first attempt or a replay, while this node's claim holds. */
    void send(Claimed claimed) {
        Instant now = clock.instant();
        Optional<Target> target;
        if (claimed.fresh() != null && now.isBefore(claimed.fresh().claimedAt().plus(properties.claim().dividedBy(3)))) {
            // just dispatched, and two thirds of the claim — at least one whole attempt (the startup
            // check) — are left: nobody else may take it before this attempt is recorded, so it is
            // sent as the dispatching transaction wrote it, with no statement before the request
            target = Optional.of(new Target(claimed.fresh().delivery(), claimed.fresh().webhook()));
        } else {
            // one short transaction takes the delivery and reads its webhook (the HTTP request holds none)
            target = work.write(() -> deliveries.take(claimed.deliveryId(), claimed.token(),
                            now.plus(properties.claim()).truncatedTo(ChronoUnit.MICROS))
                    .flatMap(d -> webhooks.find(d.webhookId()).map(w -> new Target(d, w))));
        }
        if (target.isEmpty()) {
            return; // the sweep re-claimed it, it was sent already, or its webhook was deleted
        }
        WebhookDelivery delivery = target.get().delivery();
        Webhook webhook = target.get().webhook();
        if (!webhook.active()) {
            work.run(() -> deliveries.setState(delivery.id(), WebhookDelivery.SKIPPED, clock.instant()));
            return;
        }
        SendOutcome outcome = transport.send(signed(delivery, webhook));
        count(outcome, delivery.attempts() == 0 ? "first" : "replay");
        work.run(() -> {
            String state = outcome.succeeded() ? WebhookDelivery.DELIVERED
                    : outcome.gone() ? WebhookDelivery.FAILED : WebhookDelivery.RETRYING;
            if (!deliveries.recordAttempt(delivery.id(), delivery.attempts(), outcome, clock.instant(), state)) {
                return;
            }
            if (outcome.gone()) {
                disable(webhook, "gone");
            } else if (!outcome.succeeded()) {
                process.start(delivery.id(), webhook.id());
            }
        });
    }

    @Override
    public RetryResult retry(UUID deliveryId) {
        Optional<Target> target = work.read(() -> target(deliveryId));
        if (target.isEmpty() || !target.get().delivery().state().equals(WebhookDelivery.RETRYING)) {
            return new RetryResult(Outcome.SKIPPED, null); // deleted, or replayed by hand meanwhile
        }
        WebhookDelivery delivery = target.get().delivery();
        Webhook webhook = target.get().webhook();
        if (!webhook.active()) {
            work.run(() -> deliveries.setState(deliveryId, WebhookDelivery.SKIPPED, clock.instant()));
            return new RetryResult(Outcome.SKIPPED, null);
        }
        SendOutcome outcome = transport.send(signed(delivery, webhook));
        count(outcome, "retry");
        String state = outcome.succeeded() ? WebhookDelivery.DELIVERED : WebhookDelivery.RETRYING;
        boolean recorded = work.write(() ->
                deliveries.recordAttempt(deliveryId, delivery.attempts(), outcome, clock.instant(), state));
        if (!recorded) {
            return new RetryResult(Outcome.SKIPPED, null);
        }
        return outcome.succeeded() ? new RetryResult(Outcome.DELIVERED, null)
                : outcome.gone() ? new RetryResult(Outcome.GONE, null)
                : new RetryResult(Outcome.FAILED, outcome.retryAfter());
    }

    @Override
    public void giveUp(UUID deliveryId, String reason) {
        work.run(() -> deliveries.find(deliveryId).ifPresent(delivery -> {
            deliveries.setState(deliveryId, WebhookDelivery.FAILED, clock.instant());
            webhooks.find(delivery.webhookId()).ifPresent(webhook -> disable(webhook, reason));
        }));
    }

    /** Disables the webhook (never deletes it), tells its owner, and writes {@code webhook.disabled}; once. */
    private void disable(Webhook webhook, String reason) {
        Instant now = clock.instant();
        if (!webhooks.disable(webhook.id(), reason, now)) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("webhookId", webhook.id().toString());
        data.put("ownerId", webhook.ownerId());
        data.put("url", webhook.url());
        data.put("reason", reason);
        data.put("disabledAt", now.toString());
        notifications.addOnce(webhook.ownerId(), DISABLED_EVENT, null, "Webhook disabled: " + webhook.url(), data, now, null);
        outbox.append(new WebhookEvent.Disabled(webhook.id().toString(), webhook.ownerId(), webhook.url(), reason, now));
        meters.counter("convene.webhooks.disabled", "reason", reason).increment();
        log.info("webhook {} disabled ({})", webhook.id(), reason);
    }

    private record Target(WebhookDelivery delivery, Webhook webhook) {}

    private Optional<Target> target(UUID deliveryId) {
        return deliveries.find(deliveryId).flatMap(d -> webhooks.find(d.webhookId()).map(w -> new Target(d, w)));
    }

    private SignedDelivery signed(WebhookDelivery delivery, Webhook webhook) {
        String context = webhook.id().toString();
        List<String> keys = new ArrayList<>(2);
        keys.add(secrets.open(webhook.secret(), context));
        if (webhook.previousSecret() != null && webhook.previousSecretUntil() != null
                && webhook.previousSecretUntil().isAfter(clock.instant())) {
            keys.add(secrets.open(webhook.previousSecret(), context));
        }
        return new SignedDelivery(URI.create(webhook.url()), delivery.messageId(), clock.instant(), delivery.body(), keys);
    }

    /**
     * {@code convene.webhooks.attempts{attempt, outcome}}: one per request sent, counted when its
     * answer (or none) came, as the delivery classifies it — {@code delivered} (2xx), {@code gone}
     * (410: the webhook is disabled), {@code no_response} (refused, timed out, no connection) or
     * {@code failed} (any other status: retried). Unlike the facts a transaction decides, an
     * attempt is a request the receiver may have got, so it counts even when recording it fails
     * or loses to another node; a retry the engine runs again after such a failure is another
     * request and counts again — what the receiver saw.
     */
    private void count(SendOutcome outcome, String attempt) {
        meters.counter(ATTEMPTS, "attempt", attempt, "outcome", outcomeTag(outcome)).increment();
    }

    static String outcomeTag(SendOutcome outcome) {
        return outcome.succeeded() ? "delivered" : outcome.gone() ? "gone" : outcome.status() == 0 ? "no_response" : "failed";
    }

    /**
     * A node that stops (a restart, a deploy) lets the attempts under way finish and be recorded
     * — interrupting one would lose its outcome after the receiver got it, and the sweep would
     * send it again as a second first attempt — and hands the queued ones back at once, so that
     * any node's sweep sends them without waiting for their claim to lapse. Runs before the
     * database pool closes (this bean depends on it).
     */
    @Override
    public void destroy() throws InterruptedException {
        List<Runnable> queued = new ArrayList<>();
        senders.getQueue().drainTo(queued);
        senders.shutdown();
        List<Claimed> unsent = queued.stream().filter(Send.class::isInstance).map(r -> ((Send) r).claimed).toList();
        if (!unsent.isEmpty()) {
            try {
                int released = work.write(() -> unsent.stream()
                        .mapToInt(c -> deliveries.release(c.deliveryId(), c.token(), clock.instant()) ? 1 : 0).sum());
                log.info("webhooks: {} queued deliveries handed back to the recovery sweep", released);
            } catch (RuntimeException e) {
                log.warn("webhooks: {} queued deliveries wait for their claims to lapse: {}", unsent.size(), e.toString());
            }
        }
        if (!senders.awaitTermination(properties.claim().toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("webhooks: attempts still under way after {}; stopped (the sweep sends them again)", properties.claim());
            senders.shutdownNow();
        }
    }
}
