package io.convene.application.webhook;

import io.convene.domain.sip.SipEvent;
import io.convene.domain.calllog.SoftphoneCallEvent;
import io.convene.domain.recording.RecordingEvent;
import io.convene.domain.guest.GuestEvent;
import io.convene.domain.meeting.ParticipantEvent;
import io.convene.domain.meeting.CallEvent;
import io.convene.domain.meeting.MeetingEvent;
import io.convene.domain.event.DomainEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import io.convene.domain.webhook.Webhook;
import io.convene.domain.webhook.WebhookDeliveries;
import io.convene.domain.webhook.WebhookDeliveries.NewDelivery;
import io.convene.domain.webhook.WebhookDelivery;
import io.convene.domain.webhook.Webhooks;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A domain event from the topic becomes one delivery per webhook that wants it: org-wide
 * webhooks get every catalogue event; a user's webhook the events of meetings and calls its
 * owner may see (a participant; a deleted meeting's event names its recipients). Each delivery
 * is inserted once per (webhook, event) — a replayed topic adds nothing — and claimed by this
 * node for its first attempt, which {@link WebhookAttempts} makes after the commit. A disabled
 * webhook's deliveries are logged as skipped, to be replayed once it is enabled again.
 */
@Service
public class WebhookDispatch {

    /** One event as the topic carries it: its data, and its record when this node knows its type. */
    public record Event(UUID id, String type, String subject, Instant time, Map<String, Object> data,
                        DomainEvent event) {}

    /**
     * A delivery this node claimed: send it while the claim {@code token} holds. {@code fresh} is
     * the delivery and its webhook as the claiming transaction wrote and read them (a first
     * attempt just dispatched), or null (the sweep's, a replay's: read them when sending).
     */
    public record Claimed(UUID deliveryId, Instant token, Fresh fresh) {

        public Claimed(UUID deliveryId, Instant token) {
            this(deliveryId, token, null);
        }
    }

    /** A delivery just inserted and claimed, and its webhook, read in the same transaction. */
    public record Fresh(WebhookDelivery delivery, Webhook webhook, Instant claimedAt) {}

    private final Webhooks webhooks;
    private final WebhookDeliveries deliveries;
    private final Meetings meetings;
    private final WebhookProperties properties;
    private final ObjectMapper json;
    private final UnitOfWork work;
    private final Clock clock;

    WebhookDispatch(Webhooks webhooks, WebhookDeliveries deliveries, Meetings meetings, WebhookProperties properties,
                    ObjectMapper json, UnitOfWork work, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.meetings = meetings;
        this.properties = properties;
        this.json = json;
        this.work = work;
        this.clock = clock;
    }

    /** The deliveries of {@code events}, written in one transaction; those this node must now send. */
    public List<Claimed> dispatch(List<Event> events) {
        List<Event> catalogued = events.stream().filter(e -> WebhookCatalogue.known(e.type())).toList();
        if (catalogued.isEmpty()) {
            return List.of();
        }
        return work.write(() -> {
            List<NewDelivery> added = new ArrayList<>();
            Map<UUID, Webhook> webhookOf = new HashMap<>();
            Map<String, List<Webhook>> byType = new LinkedHashMap<>();
            Map<String, Set<String>> participants = new HashMap<>(); // per batch: a meeting read once
            Instant now = clock.instant();
            Instant token = now.plus(properties.claim()).truncatedTo(ChronoUnit.MICROS);
            for (Event event : catalogued) {
                List<Webhook> wanting = byType.computeIfAbsent(event.type(), webhooks::subscribedTo).stream()
                        .filter(w -> !event.time().isBefore(w.createdAt())) // no events from before it existed
                        .toList();
                if (wanting.isEmpty()) {
                    continue;
                }
                Set<String> audience = wanting.stream().allMatch(Webhook::orgWide) ? Set.of() : audience(event, participants);
                String body = body(event);
                for (Webhook webhook : wanting) {
                    if (!webhook.orgWide() && !audience.contains(webhook.ownerId())) {
                        continue;
                    }
                    WebhookDelivery delivery = new WebhookDelivery(UUID.randomUUID(), webhook.id(), event.id(),
                            "msg_" + event.id(), event.type(), body,
                            webhook.active() ? WebhookDelivery.PENDING : WebhookDelivery.SKIPPED, 0, now, now, null);
                    added.add(new NewDelivery(delivery, webhook.active() ? token : null));
                    webhookOf.put(delivery.id(), webhook);
                }
            }
            Set<UUID> inserted = deliveries.addEachOnce(added); // one statement for the batch
            return added.stream().filter(n -> n.claimedUntil() != null && inserted.contains(n.delivery().id()))
                    .map(n -> new Claimed(n.delivery().id(), token,
                            new Fresh(n.delivery(), webhookOf.get(n.delivery().id()), now))).toList();
        });
    }

    /**
     * Who may see the event (a user's webhook gets only those): the users it names, and the
     * participants of its meeting or call, by its type.
     */
    private Set<String> audience(Event event, Map<String, Set<String>> participants) {
        Set<String> users = new HashSet<>();
        MeetingId meeting = null;
        if (event.event() instanceof MeetingEvent e) {
            meeting = e.meetingId();
            named(users, e instanceof MeetingEvent.Ended ended ? ended.participantIds()
                    : e instanceof MeetingEvent.Cancelled cancelled ? cancelled.participantIds()
                    : e instanceof MeetingEvent.Deleted deleted ? deleted.participantIds()
                    : e instanceof MeetingEvent.Created created ? created.participantIds() : null);
        } else if (event.event() instanceof CallEvent e) {
            meeting = e.callId();
            named(users, e instanceof CallEvent.Ended ended ? ended.participantIds()
                    : e instanceof CallEvent.Deleted deleted ? deleted.participantIds()
                    : e instanceof CallEvent.Started started ? started.participantIds() : null);
            if (e instanceof CallEvent.Started started) {
                users.add(started.callerId());
            }
        } else if (event.event() instanceof ParticipantEvent e) {
            meeting = e.meetingId();
        } else if (event.event() instanceof GuestEvent e) {
            meeting = e.meetingId();
        } else if (event.event() instanceof RecordingEvent e) {
            meeting = e.meetingId();
            named(users, e instanceof RecordingEvent.Ready ready ? ready.participantIds() : null);
        } else if (event.event() instanceof SoftphoneCallEvent e) {
            named(users, softphoneUser(e));
        } else if (event.event() instanceof SipEvent.CredentialsChanged e) {
            named(users, e.userIds());
        }
        if (meeting != null) {
            users.addAll(participants.computeIfAbsent(meeting.value(), id -> meetings.findById(new MeetingId(id))
                    .map(m -> m.participants().stream().map(Participant::userId).collect(Collectors.toSet()))
                    .orElse(Set.of())));
        }
        return users;
    }

    private static List<String> softphoneUser(SoftphoneCallEvent e) {
        return e instanceof SoftphoneCallEvent.Ringing r ? r.userIds()
                : e instanceof SoftphoneCallEvent.Started s ? s.userIds()
                : e instanceof SoftphoneCallEvent.Answered a ? a.userIds()
                : e instanceof SoftphoneCallEvent.Ended en ? en.userIds()
                : e instanceof SoftphoneCallEvent.Missed m ? m.userIds() : List.of();
    }

    private static void named(Set<String> users, List<String> ids) {
        if (ids != null) {
            users.addAll(ids);
        }
    }

    /** Standard Webhooks' body: {type, timestamp, data}; data too large is cut to its ids. */
    private String body(Event event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type());
        body.put("timestamp", event.time().toString());
        body.put("data", event.data());
        String text = write(body);
        if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > properties.maxBodyBytes()) {
            Map<String, Object> ids = new LinkedHashMap<>();
            event.data().forEach((k, v) -> {
                if (k.endsWith("Id") && v instanceof String) {
                    ids.put(k, v);
                }
            });
            ids.put("truncated", true);
            body.put("data", ids);
            text = write(body);
        }
        return text;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable", e);
        }
    }

}
