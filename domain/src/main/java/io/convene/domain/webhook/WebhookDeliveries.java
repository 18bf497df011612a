package io.convene.domain.webhook;

import io.convene.domain.webhook.WebhookDelivery.WebhookAttempt;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The delivery log. A delivery is inserted once per (webhook, event) — the unique key — so a
 * replayed topic or a restarted consumer adds nothing and makes no second first attempt.
 */
@Component
public class WebhookDeliveries {

    private static final int MAX_TEXT = 1024;
    private static final int MAX_ERROR = 500;
    /** Bodies are at most ~20 KB: a statement stays within a few MB. */
    private static final int MAX_ROWS_PER_INSERT = 200;

    private final JdbcClient jdbc;

    WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery to add, and until when the inserting node claims its first attempt (null: none). */
    public record NewDelivery(WebhookDelivery delivery, Instant claimedUntil) {}

    /**
     * Adds each delivery unless its webhook already has one for its event (also one earlier in
     * the same list); returns the ids of those added. One statement per 200 deliveries — not one
     * round trip per row — so the consumer keeps up with a fan-out to many webhooks.
     * {@code claimedUntil}: the inserting node sends the first attempt until then, after that the
     * recovery sweep may (whole microseconds: it is also the claim's token, see {@link #take}).
     */
    public Set<UUID> addEachOnce(List<NewDelivery> added) {
        Set<UUID> inserted = new HashSet<>();
        for (int from = 0; from < added.size(); from += MAX_ROWS_PER_INSERT) {
            inserted.addAll(insert(added.subList(from, Math.min(added.size(), from + MAX_ROWS_PER_INSERT))));
        }
        return inserted;
    }

    private List<UUID> insert(List<NewDelivery> added) {
        int n = added.size();
        String[] ids = new String[n];
        String[] webhooks = new String[n];
        String[] events = new String[n];
        String[] messages = new String[n];
        String[] types = new String[n];
        String[] bodies = new String[n];
        String[] states = new String[n];
        String[] claimed = new String[n];
        String[] created = new String[n];
        for (int i = 0; i < n; i++) {
            WebhookDelivery d = added.get(i).delivery();
            Instant until = added.get(i).claimedUntil();
            ids[i] = d.id().toString();
            webhooks[i] = d.webhookId().toString();
            events[i] = d.eventId().toString();
            messages[i] = d.messageId();
            types[i] = d.eventType();
            bodies[i] = d.body();
            states[i] = d.state();
            claimed[i] = until == null ? null : until.toString();
            created[i] = d.createdAt().toString();
        }
        return jdbc.sql("""
                insert into webhook_delivery (id, webhook_id, event_id, message_id, event_type, body, state,
                                              claimed_until, created_at, updated_at)
                select id, webhook, event, message, type, body, state, claimed, created, created
                from unnest(cast(:ids as uuid[]), cast(:webhooks as uuid[]), cast(:events as uuid[]),
                            cast(:messages as text[]), cast(:types as text[]), cast(:bodies as text[]),
                            cast(:states as text[]), cast(:claimed as timestamptz[]), cast(:created as timestamptz[]))
                     with ordinality as d (id, webhook, event, message, type, body, state, claimed, created, n)
                order by n
                on conflict (webhook_id, event_id) do nothing
                returning id""")
                .param("ids", ids).param("webhooks", webhooks).param("events", events).param("messages", messages)
                .param("types", types).param("bodies", bodies).param("states", states).param("claimed", claimed)
                .param("created", created).query(UUID.class).list();
    }

    public Optional<WebhookDelivery> find(UUID id) {
        return jdbc.sql("select * from webhook_delivery where id = :id").param("id", id)
                .query(WebhookDeliveries::map).optional().map(d -> withAttempts(List.of(d)).get(0));
    }

    /**
     * Claims pending deliveries (a first attempt or a replay) whose claim lapsed — the node that
     * claimed them died before sending, or its sender was full: each is then claimed by this
     * caller until {@code until}.
     */
    public List<UUID> claimUnsent(Instant now, Instant until, int limit) {
        return jdbc.sql("""
                update webhook_delivery set claimed_until = :until
                where id in (select id from webhook_delivery
                             where state = 'pending' and claimed_until < :now
                             order by claimed_until limit :limit for update skip locked)
                returning id""")
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(until)).param("limit", limit)
                .query(UUID.class).list();
    }

    /**
     * Records attempt number {@code attempts + 1} and the delivery's new state — only if no other
     * attempt was recorded meanwhile ({@code expectedAttempts}); false when it was.
     */
    public boolean recordAttempt(UUID id, int expectedAttempts, SendOutcome outcome, Instant at, String newState) {
        // one statement (one round trip): the attempt row is written only when the guarded update matched
        return jdbc.sql("""
                with updated as (
                    update webhook_delivery set attempts = attempts + 1, state = :state, claimed_until = null,
                        updated_at = :at
                    where id = :id and attempts = :expected
                    returning id)
                insert into webhook_attempt (delivery_id, number, attempted_at, status_code, duration_ms, response, error)
                select id, cast(:number as int), cast(:at as timestamptz), cast(:status as int),
                       cast(:duration as bigint), cast(:response as varchar), cast(:error as varchar)
                from updated""")
                .param("id", id).param("expected", expectedAttempts).param("state", newState)
                .param("number", expectedAttempts + 1).param("at", Timestamp.from(at))
                .param("status", outcome.status()).param("duration", outcome.durationMillis())
                .param("response", cut(outcome.responseExcerpt(), MAX_TEXT)).param("error", cut(outcome.error(), MAX_ERROR))
                .update() == 1;
    }

    /**
     * The sender takes a claimed delivery just before it sends: only while the claim is still
     * {@code token} (the time it was claimed until, as set by whoever claimed it), so a delivery
     * that the recovery sweep re-claimed meanwhile is not sent twice. Holds it until {@code until}
     * and returns it (without its attempt log) — empty when it was not taken.
     */
    public Optional<WebhookDelivery> take(UUID id, Instant token, Instant until) {
        return jdbc.sql("""
                update webhook_delivery set claimed_until = :until
                where id = :id and state = 'pending' and claimed_until = :token
                returning *""")
                .param("id", id).param("token", Timestamp.from(token)).param("until", Timestamp.from(until))
                .query(WebhookDeliveries::map).optional();
    }

    /**
     * Hands a claimed delivery back unsent (its node stops): while the claim is still {@code token},
     * it lapses {@code now}, so the recovery sweep of any node takes it at its next run.
     */
    public boolean release(UUID id, Instant token, Instant now) {
        return jdbc.sql("""
                update webhook_delivery set claimed_until = :now
                where id = :id and state = 'pending' and claimed_until = :token""")
                .param("id", id).param("token", Timestamp.from(token)).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public void setState(UUID id, String state, Instant now) {
        jdbc.sql("update webhook_delivery set state = :state, updated_at = :now where id = :id")
                .param("id", id).param("state", state).param("now", Timestamp.from(now)).update();
    }

    /** A replay: the delivery is sent again (same webhook-id, same body) by the node that claims it. */
    public boolean reopen(UUID id, Instant now, Instant claimedUntil) {
        return jdbc.sql("""
                update webhook_delivery set state = 'pending', claimed_until = :claimed, updated_at = :now
                where id = :id and state in ('failed', 'skipped', 'delivered')""")
                .param("id", id).param("now", Timestamp.from(now)).param("claimed", Timestamp.from(claimedUntil))
                .update() == 1;
    }

    /** A webhook's deliveries, newest first, before {@code before} (a page's cursor; null = from the newest). */
    public List<WebhookDelivery> log(UUID webhookId, Instant before, int limit) {
        List<WebhookDelivery> page = jdbc.sql("""
                select * from webhook_delivery where webhook_id = :webhook
                and (cast(:before as timestamptz) is null or created_at < :before)
                order by created_at desc, id limit :limit""")
                .param("webhook", webhookId).param("before", before == null ? null : Timestamp.from(before))
                .param("limit", limit).query(WebhookDeliveries::map).list();
        return withAttempts(page);
    }

    /** The failed and skipped deliveries of a webhook since {@code since}, oldest first. */
    public List<UUID> replayable(UUID webhookId, Instant since, int limit) {
        return jdbc.sql("""
                select id from webhook_delivery where webhook_id = :webhook and state in ('failed', 'skipped')
                and created_at >= :since order by created_at limit :limit""")
                .param("webhook", webhookId).param("since", Timestamp.from(since)).param("limit", limit)
                .query(UUID.class).list();
    }

    /** Forgets deliveries (and their attempts) created before {@code cutoff}; how many. */
    public int forgetBefore(Instant cutoff) {
        return jdbc.sql("""
                delete from webhook_delivery where created_at < :cutoff and state not in ('pending', 'retrying')""")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }

    private List<WebhookDelivery> withAttempts(List<WebhookDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Collection<UUID> ids = deliveries.stream().map(WebhookDelivery::id).toList();
        Map<UUID, List<WebhookAttempt>> attempts = new HashMap<>();
        jdbc.sql("select * from webhook_attempt where delivery_id in (:ids) order by delivery_id, number")
                .param("ids", ids).query((rs, n) -> attempts.computeIfAbsent(rs.getObject("delivery_id", UUID.class),
                        k -> new java.util.ArrayList<>()).add(new WebhookAttempt(rs.getInt("number"),
                        Webhooks.instant(rs.getTimestamp("attempted_at")), rs.getInt("status_code"),
                        rs.getLong("duration_ms"), rs.getString("response"), rs.getString("error")))).list();
        return deliveries.stream().map(d -> new WebhookDelivery(d.id(), d.webhookId(), d.eventId(), d.messageId(),
                d.eventType(), d.body(), d.state(), d.attempts(), d.createdAt(), d.updatedAt(),
                attempts.getOrDefault(d.id(), List.of()))).toList();
    }

    private static WebhookDelivery map(ResultSet rs, int row) throws SQLException {
        return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getObject("webhook_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getString("message_id"), rs.getString("event_type"),
                rs.getString("body"), rs.getString("state"), rs.getInt("attempts"),
                Webhooks.instant(rs.getTimestamp("created_at")), Webhooks.instant(rs.getTimestamp("updated_at")), null);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
