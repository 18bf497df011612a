package io.convene.application.realtime;

import io.convene.application.shared.UnitOfWork;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import io.convene.domain.meeting.ParticipantStatus;
import io.convene.processes.call.InstantCallGateway;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Who receives what: one domain event (the outbox's CloudEvent: type, subject, data) becomes
 * socket events for rooms, with the payloads of seed 002 §1.4 (docs/events.md lists them).
 * Recipients come from the event's data and, where it names none, from the meeting's
 * participants, read in one short read-only transaction.
 */
@Service
public class EventRouting {

    /** Most members of a user's meetings in progress told of a presence change. */
    static final int MAX_MEMBERS = 500;

    private final Meetings meetings;
    private final InstantCallGateway calls;
    private final UnitOfWork work;
    private final Clock clock;

    EventRouting(Meetings meetings, InstantCallGateway calls, UnitOfWork work, Clock clock) {
        this.meetings = meetings;
        this.calls = calls;
        this.work = work;
        this.clock = clock;
    }

    public Routing route(String type, String subject, Map<String, Object> data) {
        return work.read(() -> switch (type) {
            case "call.ringing" -> withWaiting(text(data, "callId"), ringing(data));
            case "call.accepted" -> withWaiting(text(data, "callId"), answered("call:accepted", data));
            case "call.declined" -> withWaiting(text(data, "callId"), answered("call:declined", data));
            case "call.missed" -> withWaiting(text(data, "callId"), missed(data));
            case "call.ended" -> toParticipants(data, "call:ended", payload(
                    "meetingId", text(data, "meetingId"), "duration", data.get("durationSeconds"),
                    "endedBy", data.get("endedBy"), "reason", data.get("reason")));
            case "meeting.created" -> toParticipants(text(data, "meetingId"), "meeting:created", payload(
                    "meetingId", data.get("meetingId"), "title", data.get("title"),
                    "startTime", data.get("startTime"), "createdBy", data.get("createdBy")));
            case "meeting.updated" -> toParticipants(text(data, "meetingId"), "meeting:updated",
                    payload("meetingId", data.get("meetingId"), "changes", data.get("changes")));
            case "meeting.cancelled" -> toParticipants(data, "meeting:cancelled",
                    payload("meetingId", data.get("meetingId"), "reason", data.getOrDefault("reason", "cancelled"),
                            "cancelledBy", data.get("cancelledBy")));
            // the seed's DELETE /api/meetings/:id is "cancel": the portal drops a deleted meeting or call on
            // meeting:cancelled; a call still running also gets its call:ended (from call.ended)
            case "meeting.deleted" -> toParticipants(data, "meeting:cancelled", payload("meetingId",
                    data.get("meetingId"), "reason", "deleted", "cancelledBy", data.get("deletedBy")));
            case "call.deleted" -> toParticipants(data, "meeting:cancelled", payload("meetingId",
                    data.get("callId"), "reason", "deleted", "cancelledBy", data.get("deletedBy")));
            case "meeting.started" -> toParticipants(text(data, "meetingId"), "meeting:started",
                    payload("meetingId", data.get("meetingId")));
            case "meeting.ended" -> toParticipants(data, "meeting:ended", payload(
                    "meetingId", data.get("meetingId"), "duration", data.get("durationSeconds"),
                    "participantCount", data.get("participantCount")));
            case "meeting.reminder" -> reminder(data);
            case "recording.ready" -> toParticipants(data, "recording:ready", payload(
                    "meetingId", data.get("meetingId"), "recordingId", data.get("recordingId"),
                    "chunkCount", data.get("chunkCount"), "sizeBytes", data.get("sizeBytes"),
                    "durationMs", data.get("durationMs"), "format", data.get("format"), "readyAt", data.get("readyAt")));
            case "participant.joined" -> withWaiting(text(data, "meetingId"), joined(data));
            case "participant.left" -> left(data);
            case "participant.invited" -> invited(data);
            // Sc6.3: everyone in it sees the mute; the muted one shows "You were muted by Bob"
            case "participant.muted", "participant.unmuted" -> toParticipants(text(data, "meetingId"),
                    "meeting:participant_muted", payload("meetingId", data.get("meetingId"), "userId", data.get("userId"),
                            "displayName", data.get("displayName"), "muted", "participant.muted".equals(type),
                            "by", data.get("by"), "byName", data.get("byName")));
            case "presence.changed" -> presence(data);
            case "notification.created" -> data.get("notification") instanceof Map<?, ?> shown && text(data, "userId") != null
                    ? deliveries(Delivery.toUsers("notification:new", payload(shown), List.of(text(data, "userId"))))
                    : Routing.NONE;
            case "notification.dismissed" -> text(data, "userId") == null ? Routing.NONE
                    : deliveries(Delivery.toUsers("notification:dismissed", payload("notificationId",
                            data.get("notificationId"), "reason", data.getOrDefault("reason", "dismissed")),
                            List.of(text(data, "userId"))));
            case "softphone.call.ringing" -> toUser(data, "softphone:incoming", softphoneCall(data));
            case "softphone.call.missed" -> toUser(data, "softphone:missed", softphoneCall(data));
            case "softphone.call.ended" -> toUser(data, "softphone:call_ended", softphoneCall(data));
            case "sip.credentials.changed" -> toUser(data, "softphone:config_changed",
                    payload("reason", "credentials_" + data.get("action")));
            case "webhook.disabled" -> text(data, "ownerId") == null ? Routing.NONE
                    : deliveries(Delivery.toUsers("webhook:disabled", payload("webhookId", data.get("webhookId"),
                            "url", data.get("url"), "reason", data.get("reason"), "disabledAt", data.get("disabledAt")),
                            List.of(text(data, "ownerId"))));
            case "meeting.invite_link_generated" -> toParticipants(data, "meeting:invite_link_generated", payload(
                    "meetingId", data.get("meetingId"), "generatedBy", data.get("generatedBy"),
                    "validFrom", data.get("validFrom"), "expiresAt", data.get("validUntil")));
            // guests: a guest's socket is in its own room guest:<sessionId> only, and hears only these four
            case "external.waiting" -> data.get("userIds") instanceof List<?> ids
                    ? deliveries(Delivery.toUsers("meeting:guest_waiting", payload("meetingId", data.get("meetingId"),
                            "sessionId", data.get("sessionId"), "displayName", data.get("displayName"),
                            "requestId", data.get("requestId")), ids.stream().map(String::valueOf).toList()))
                    : Routing.NONE;
            case "external.admitted" -> toGuest(data, "meeting:guest_admitted", payload("sessionId", data.get("sessionId"),
                    "admittedBy", data.get("admittedBy")));
            case "external.declined" -> toGuest(data, "meeting:guest_declined", payload("sessionId", data.get("sessionId"),
                    "declinedBy", data.get("declinedBy"), "reason", "declined"));
            case "external.request_expired" -> toGuest(data, "meeting:guest_declined", payload("sessionId",
                    data.get("sessionId"), "declinedBy", null, "reason", "expired"));
            case "external.all_server_users_left" -> toGuest(data, "external:all_server_users_left", payload(
                    "meetingId", data.get("meetingId"), "removeAt", data.get("removeAt"),
                    "graceSeconds", data.get("graceSeconds"),
                    "message", "Everyone of the host's side has left: you will be disconnected."));
            case "external.removed" -> new Routing(List.of(), toGuest(data, "external:removed", payload(
                    "meetingId", data.get("meetingId"), "sessionId", data.get("sessionId"),
                    "reason", data.get("reason"))).deliveries(), List.of(Delivery.guestRoom(text(data, "sessionId"))));
            case "external.session_ended" -> text(data, "sessionId") == null ? Routing.NONE
                    : new Routing(List.of(), List.of(), List.of(Delivery.guestRoom(text(data, "sessionId"))));
            case "external.joined" -> toParticipants(text(data, "meetingId"), "external:joined", payload(
                    "meetingId", data.get("meetingId"), "sessionId", data.get("sessionId"),
                    "displayName", data.get("displayName")));
            case "external.left" -> {
                Routing left = toParticipants(text(data, "meetingId"), "external:left", payload(
                        "meetingId", data.get("meetingId"), "sessionId", data.get("sessionId"),
                        "displayName", data.get("displayName")));
                yield new Routing(left.memberships(), left.deliveries(), List.of(Delivery.guestRoom(text(data, "sessionId"))));
            }
            default -> Routing.NONE;
        });
    }

    /** A softphone event goes to every device of its user (the pulsing phone button, Recents). */
    private static Routing toUser(Map<String, Object> data, String event, Map<String, Object> payload) {
        String userId = text(data, "userId");
        return userId == null ? Routing.NONE : deliveries(Delivery.toUsers(event, payload, List.of(userId)));
    }

    private static Map<String, Object> softphoneCall(Map<String, Object> data) {
        return payload("callLogId", data.get("callLogId"), "direction", data.get("direction"), "number", data.get("number"),
                "contactId", data.get("contactId"), "contactName", data.get("contactName"), "status", data.get("status"),
                "missedReason", data.get("missedReason"), "startedAt", data.get("startedAt"),
                "durationSeconds", data.get("durationSeconds"));
    }

    private Routing ringing(Map<String, Object> data) {
        String callId = text(data, "callId");
        String caller = text(data, "callerId");
        String callee = text(data, "calleeId");
        String callerName = meeting(callId).flatMap(call -> call.participant(caller)).map(Participant::displayName)
                .orElse("Someone");
        return deliveries(
                Delivery.toUsers("call:incoming", incoming(callId, caller, callerName, clock.instant()), List.of(callee)),
                Delivery.toUsers("call:ringing", payload("meetingId", callId, "userId", callee), List.of(caller)));
    }

    /** The seed's {@code call:incoming}: also sent on connect for rings still ringing. */
    static Map<String, Object> incoming(String callId, String callerId, String callerName, Instant at) {
        return payload("meetingId", callId, "callerId", callerId, "callerName", callerName,
                "callerAvatar", null, "timestamp", at.toString());
    }

    private Routing answered(String event, Map<String, Object> data) {
        String callId = text(data, "callId");
        String userId = text(data, "userId");
        Optional<Meeting> call = meeting(callId);
        String name = call.flatMap(c -> c.participant(userId)).map(Participant::displayName).orElse(userId);
        Map<String, Object> payload = event.equals("call:accepted")
                ? payload("meetingId", callId, "userId", userId, "displayName", name, "avatar", null)
                : payload("meetingId", callId, "userId", userId, "displayName", name);
        // the call may be cleaned up already (a decline that left the caller alone hangs up at once):
        // then the event's own callerId says who must hear it
        List<String> recipients = call.map(EventRouting::participantIds).orElseGet(() ->
                java.util.stream.Stream.of(text(data, "callerId"), userId).filter(java.util.Objects::nonNull).distinct().toList());
        return deliveries(Delivery.toUsers(event, payload, recipients));
    }

    /** Nobody answered (or the callee was offline): the caller sees it as a decline with a reason. */
    private Routing missed(Map<String, Object> data) {
        String callId = text(data, "callId");
        String callee = text(data, "calleeId");
        String name = meeting(callId).flatMap(c -> c.participant(callee)).map(Participant::displayName).orElse(callee);
        return deliveries(Delivery.toUsers("call:declined", payload("meetingId", callId, "userId", callee,
                "displayName", name, "reason", data.getOrDefault("reason", "no_answer")), List.of(text(data, "callerId"))));
    }

    /**
     * Seed 002's {@code call:participant_waiting} ("for grid display"): after each change to whom a
     * call waits for, the people it still waits for — their phone rings, or they accepted and have
     * not joined yet — go to those in the call (its room: the caller's waiting grid, and everyone
     * who joined). Read when the event is routed, so it is the newest state. Guests waiting in the
     * lobby are the guests issue's {@code meeting:guest_waiting}, to the same room.
     */
    private Routing withWaiting(String callId, Routing routing) {
        Optional<Meeting> call = meeting(callId).filter(c -> c.isInstantCall() && c.status() == MeetingStatus.IN_PROGRESS);
        if (call.isEmpty()) {
            return routing;
        }
        List<Delivery> deliveries = new ArrayList<>(routing.deliveries());
        deliveries.add(new Delivery("call:participant_waiting", payload("meetingId", callId,
                "participants", waitingFor(call.get())), List.of(Delivery.meetingRoom(callId))));
        return new Routing(routing.memberships(), deliveries);
    }

    private List<Map<String, Object>> waitingFor(Meeting call) {
        boolean anyInvited = call.participants().stream().anyMatch(p -> p.status() == ParticipantStatus.INVITED);
        Set<String> ringing = anyInvited ? Set.copyOf(calls.ringing(call.id().value())) : Set.of();
        return call.participants().stream()
                .filter(p -> p.status() == ParticipantStatus.ACCEPTED
                        || p.status() == ParticipantStatus.INVITED && ringing.contains(p.userId()))
                .map(p -> payload("userId", p.userId(), "displayName", p.displayName(), "avatar", null))
                .toList();
    }

    private Routing reminder(Map<String, Object> data) {
        String meetingId = text(data, "meetingId");
        Optional<Meeting> meeting = meeting(meetingId);
        @SuppressWarnings("unchecked")
        List<String> userIds = data.get("userIds") instanceof List<?> ids ? (List<String>) ids : List.of();
        return deliveries(Delivery.toUsers("meeting:reminder", payload("meetingId", meetingId,
                "title", meeting.map(Meeting::title).orElse(null),
                "startTime", meeting.map(m -> m.startTime().toString()).orElse(null),
                "minutesBefore", data.get("minutesBefore")), userIds));
    }

    private Routing joined(Map<String, Object> data) {
        String meetingId = text(data, "meetingId");
        String userId = text(data, "userId");
        Optional<Meeting> meeting = meeting(meetingId);
        List<String> recipients = meeting.map(EventRouting::participantIds).orElse(List.of(userId));
        List<Delivery> deliveries = new ArrayList<>();
        deliveries.add(Delivery.toUsers("meeting:participant_joined", payload("meetingId", meetingId,
                "userId", userId, "displayName", data.get("displayName")), recipients));
        boolean first = meeting.map(m -> m.attendees().size() == 1 && m.attendees().get(0).userId().equals(userId)
                && !m.isInstantCall()).orElse(false);
        if (first) {
            deliveries.add(Delivery.toUsers("meeting:first_participant_joined",
                    payload("meetingId", meetingId, "userId", userId), recipients));
        }
        return new Routing(List.of(new Routing.Membership(userId, Delivery.meetingRoom(meetingId), true)), deliveries);
    }

    private Routing left(Map<String, Object> data) {
        String meetingId = text(data, "meetingId");
        String userId = text(data, "userId");
        List<String> recipients = meeting(meetingId).map(EventRouting::participantIds).orElse(List.of(userId));
        return new Routing(List.of(new Routing.Membership(userId, Delivery.meetingRoom(meetingId), false)),
                List.of(Delivery.toUsers("meeting:participant_left", payload("meetingId", meetingId,
                        "userId", userId, "displayName", data.get("displayName")), recipients)));
    }

    /** Only live invites (into a meeting or call under way) are pushed; a scheduled invite comes as meeting:created. */
    private Routing invited(Map<String, Object> data) {
        if (!Boolean.TRUE.equals(data.get("live"))) {
            return Routing.NONE;
        }
        String meetingId = text(data, "meetingId");
        Optional<Meeting> meeting = meeting(meetingId);
        String invitee = text(data, "userId");
        String invitedBy = text(data, "invitedBy");
        if (meeting.map(Meeting::isInstantCall).orElse(false)) {
            Meeting call = meeting.get();
            String callerName = call.participant(call.createdBy()).map(Participant::displayName).orElse("Someone");
            return deliveries(Delivery.toUsers("call:live_invite", payload("meetingId", meetingId,
                    "callerId", call.createdBy(), "callerName", callerName, "invitedBy", invitedBy), List.of(invitee)));
        }
        return deliveries(Delivery.toUsers("meeting:live_invite_sent", payload("meetingId", meetingId,
                "userId", invitee, "displayName", data.get("displayName"), "invitedBy", invitedBy), List.of(invitee)));
    }

    /**
     * Presence changes go to the user's subscribers (the gateway keeps them in the room
     * presence:<userId>) and, as {@code presence:update}, to the members of the meetings and calls
     * in progress the user is a participant of (at most {@value #MAX_MEMBERS}).
     */
    private Routing presence(Map<String, Object> data) {
        String userId = text(data, "userId");
        Map<String, Object> update = payload("userId", userId, "status", data.get("status"),
                "lastSeen", data.get("lastSeen"), "inCall", data.getOrDefault("inCall", false));
        List<String> rooms = List.of(presenceRoom(userId));
        List<String> toSubscribersAndMembers = new ArrayList<>(rooms);
        if (userId != null) {
            meetings.membersInProgressWith(userId, MAX_MEMBERS).forEach(m -> toSubscribersAndMembers.add(Delivery.userRoom(m)));
        }
        List<Delivery> deliveries = new ArrayList<>();
        deliveries.add(new Delivery("presence:update", update, toSubscribersAndMembers));
        if ("online".equals(data.get("status"))) {
            deliveries.add(new Delivery("presence:user_connected", payload("userId", userId), rooms));
        } else if ("offline".equals(data.get("status"))) {
            deliveries.add(new Delivery("presence:user_disconnected",
                    payload("userId", userId, "lastSeen", data.get("lastSeen")), rooms));
        }
        return new Routing(List.of(), deliveries);
    }

    /** The room of the sockets that subscribed to {@code userId}'s presence. */
    public static String presenceRoom(String userId) {
        return "presence:" + userId;
    }

    private Routing toParticipants(String meetingId, String event, Map<String, Object> payload) {
        return meeting(meetingId).map(m -> deliveries(Delivery.toUsers(event, payload, participantIds(m))))
                .orElse(Routing.NONE);
    }

    /**
     * To the participants the event names ({@code participantIds}, written when the meeting may be
     * gone by the time it is routed: an end, a cancellation, a deletion), else to the meeting's.
     */
    private Routing toParticipants(Map<String, Object> data, String event, Map<String, Object> payload) {
        if (data.get("participantIds") instanceof List<?> ids) {
            List<String> recipients = ids.stream().filter(String.class::isInstance).map(String.class::cast).toList();
            return recipients.isEmpty() ? Routing.NONE : deliveries(Delivery.toUsers(event, payload, recipients));
        }
        return toParticipants(text(data, "meetingId"), event, payload);
    }

    private static Routing toGuest(Map<String, Object> data, String event, Map<String, Object> payload) {
        String sessionId = text(data, "sessionId");
        return sessionId == null ? Routing.NONE
                : new Routing(List.of(), List.of(new Delivery(event, payload, List.of(Delivery.guestRoom(sessionId)))));
    }

    private Optional<Meeting> meeting(String id) {
        return id == null || !MeetingId.isValid(id) ? Optional.empty() : meetings.findById(new MeetingId(id));
    }

    private static List<String> participantIds(Meeting meeting) {
        return meeting.participants().stream().map(Participant::userId).toList();
    }

    private static Routing deliveries(Delivery... deliveries) {
        return new Routing(List.of(), List.of(deliveries));
    }

    private static String text(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null ? null : value.toString();
    }

    /** The notification as the event carries it: the list's own shape, {@code GET /api/notifications}. */
    private static Map<String, Object> payload(Map<?, ?> shown) {
        Map<String, Object> map = new LinkedHashMap<>();
        shown.forEach((key, value) -> map.put(String.valueOf(key), value));
        return map;
    }

    /** An ordered map that, unlike Map.of, keeps nulls (the seed's payloads have optional fields). */
    static Map<String, Object> payload(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
