package io.convene.application.realtime;

import static io.convene.application.realtime.SocketContract.ALL_SERVER_USERS_LEFT;
import static io.convene.application.realtime.SocketContract.AUTO_ADMITTED;
import static io.convene.application.realtime.SocketContract.CALL_ACCEPTED;
import static io.convene.application.realtime.SocketContract.CALL_DECLINED;
import static io.convene.application.realtime.SocketContract.CALL_ENDED;
import static io.convene.application.realtime.SocketContract.CALL_INCOMING;
import static io.convene.application.realtime.SocketContract.CALL_LIVE_INVITE;
import static io.convene.application.realtime.SocketContract.CALL_PARTICIPANT_WAITING;
import static io.convene.application.realtime.SocketContract.CALL_RINGING;
import static io.convene.application.realtime.SocketContract.CALL_STARTED;
import static io.convene.application.realtime.SocketContract.CHAT_MESSAGE;
import static io.convene.application.realtime.SocketContract.FIRST_PARTICIPANT_JOINED;
import static io.convene.application.realtime.SocketContract.GUEST_ADMITTED;
import static io.convene.application.realtime.SocketContract.GUEST_DECLINED;
import static io.convene.application.realtime.SocketContract.GUEST_JOINED;
import static io.convene.application.realtime.SocketContract.GUEST_LEFT;
import static io.convene.application.realtime.SocketContract.GUEST_REMOVED;
import static io.convene.application.realtime.SocketContract.GUEST_WAITING;
import static io.convene.application.realtime.SocketContract.INVITE_LINK_GENERATED;
import static io.convene.application.realtime.SocketContract.LIVE_INVITE_SENT;
import static io.convene.application.realtime.SocketContract.MEETING_CANCELLED;
import static io.convene.application.realtime.SocketContract.MEETING_CREATED;
import static io.convene.application.realtime.SocketContract.MEETING_ENDED;
import static io.convene.application.realtime.SocketContract.MEETING_REMINDER;
import static io.convene.application.realtime.SocketContract.MEETING_STARTED;
import static io.convene.application.realtime.SocketContract.MEETING_UPDATED;
import static io.convene.application.realtime.SocketContract.NOTIFICATION_DISMISSED;
import static io.convene.application.realtime.SocketContract.NOTIFICATION_NEW;
import static io.convene.application.realtime.SocketContract.PARTICIPANT_COUNT;
import static io.convene.application.realtime.SocketContract.PARTICIPANT_INVITED;
import static io.convene.application.realtime.SocketContract.PARTICIPANT_JOINED;
import static io.convene.application.realtime.SocketContract.PARTICIPANT_LEFT;
import static io.convene.application.realtime.SocketContract.PARTICIPANT_MUTED;
import static io.convene.application.realtime.SocketContract.PARTICIPANT_REGISTERED;
import static io.convene.application.realtime.SocketContract.PARTICIPANT_STATUS;
import static io.convene.application.realtime.SocketContract.PRESENCE_UPDATE;
import static io.convene.application.realtime.SocketContract.RECORDING_READY;
import static io.convene.application.realtime.SocketContract.SOFTPHONE_CALL_ENDED;
import static io.convene.application.realtime.SocketContract.SOFTPHONE_CONFIG_CHANGED;
import static io.convene.application.realtime.SocketContract.SOFTPHONE_INCOMING;
import static io.convene.application.realtime.SocketContract.SOFTPHONE_MISSED;
import static io.convene.application.realtime.SocketContract.USER_CONNECTED;
import static io.convene.application.realtime.SocketContract.USER_DISCONNECTED;
import static io.convene.application.realtime.SocketContract.WEBHOOK_DISABLED;

import io.convene.application.realtime.SocketPayloads.AllServerUsersLeft;
import io.convene.application.realtime.SocketPayloads.AutoAdmitted;
import io.convene.application.realtime.SocketPayloads.CallAccepted;
import io.convene.application.realtime.SocketPayloads.CallDeclined;
import io.convene.application.realtime.SocketPayloads.CallEnded;
import io.convene.application.realtime.SocketPayloads.CallIncoming;
import io.convene.application.realtime.SocketPayloads.CallLiveInvite;
import io.convene.application.realtime.SocketPayloads.CallParticipantWaiting;
import io.convene.application.realtime.SocketPayloads.CallRinging;
import io.convene.application.realtime.SocketPayloads.CallStarted;
import io.convene.application.realtime.SocketPayloads.ChatMessage;
import io.convene.application.realtime.SocketPayloads.FirstParticipantJoined;
import io.convene.application.realtime.SocketPayloads.GuestAdmitted;
import io.convene.application.realtime.SocketPayloads.GuestDeclined;
import io.convene.application.realtime.SocketPayloads.GuestJoined;
import io.convene.application.realtime.SocketPayloads.GuestLeft;
import io.convene.application.realtime.SocketPayloads.GuestRemoved;
import io.convene.application.realtime.SocketPayloads.GuestWaiting;
import io.convene.application.realtime.SocketPayloads.InviteLinkGenerated;
import io.convene.application.realtime.SocketPayloads.LiveInviteSent;
import io.convene.application.realtime.SocketPayloads.MeetingCancelled;
import io.convene.application.realtime.SocketPayloads.MeetingCreated;
import io.convene.application.realtime.SocketPayloads.MeetingEnded;
import io.convene.application.realtime.SocketPayloads.MeetingReminder;
import io.convene.application.realtime.SocketPayloads.MeetingStarted;
import io.convene.application.realtime.SocketPayloads.MeetingUpdated;
import io.convene.application.realtime.SocketPayloads.NotificationDismissed;
import io.convene.application.realtime.SocketPayloads.NotificationNew;
import io.convene.application.realtime.SocketPayloads.ParticipantCount;
import io.convene.application.realtime.SocketPayloads.ParticipantInvited;
import io.convene.application.realtime.SocketPayloads.ParticipantJoined;
import io.convene.application.realtime.SocketPayloads.ParticipantLeft;
import io.convene.application.realtime.SocketPayloads.ParticipantMuted;
import io.convene.application.realtime.SocketPayloads.ParticipantRegistered;
import io.convene.application.realtime.SocketPayloads.ParticipantStatusChanged;
import io.convene.application.realtime.SocketPayloads.PresenceUpdate;
import io.convene.application.realtime.SocketPayloads.RecordingReady;
import io.convene.application.realtime.SocketPayloads.SoftphoneCall;
import io.convene.application.realtime.SocketPayloads.SoftphoneConfigChanged;
import io.convene.application.realtime.SocketPayloads.UserConnected;
import io.convene.application.realtime.SocketPayloads.UserDisconnected;
import io.convene.application.realtime.SocketPayloads.WaitingParticipant;
import io.convene.application.realtime.SocketPayloads.WebhookDisabled;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.calllog.SoftphoneCallEvent;
import io.convene.domain.event.DomainEvent;
import io.convene.domain.event.EventTypes;
import io.convene.domain.guest.GuestEvent;
import io.convene.domain.guest.GuestSessions;
import io.convene.domain.meeting.CallEvent;
import io.convene.domain.meeting.Meeting;
import io.convene.domain.meeting.MeetingEvent;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.MeetingStatus;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import io.convene.domain.meeting.ParticipantEvent;
import io.convene.domain.meeting.ParticipantStatus;
import io.convene.domain.notification.NotificationEvent;
import io.convene.domain.presence.PresenceEvent;
import io.convene.domain.recording.RecordingEvent;
import io.convene.domain.sip.SipEvent;
import io.convene.domain.webhook.WebhookEvent;
import io.convene.processes.call.InstantCallGateway;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Who receives what: the routing table from each domain event's record to the socket messages of
 * {@link SocketContract}, with the payloads of seed 002 §1.4 and their recipients. Recipients come
 * from the event and, where it names none, from the meeting's participants, read in one short
 * read-only transaction. An event without a route reaches no socket.
 */
@Service
public class EventRouting {

    /** Most members of a user's meetings in progress told of a presence change. */
    static final int MAX_MEMBERS = 500;

    /** Most guest sessions of one meeting told how many are in it ({@code meeting:participant_count}). */
    static final int MAX_GUESTS = 200;

    /** One row of the table: the event, the messages it may become, and how. */
    public record Route(Class<? extends DomainEvent> event, List<SocketMessage<?>> messages,
                        Function<DomainEvent, Routing> routing) {}

    private final Meetings meetings;
    private final InstantCallGateway calls;
    private final GuestSessions guests;
    private final UnitOfWork work;
    private final Clock clock;
    private final Map<Class<?>, Route> table = new LinkedHashMap<>();

    EventRouting(Meetings meetings, InstantCallGateway calls, GuestSessions guests, UnitOfWork work, Clock clock) {
        this.meetings = meetings;
        this.guests = guests;
        this.calls = calls;
        this.work = work;
        this.clock = clock;
        meetingRoutes();
        participantRoutes();
        callRoutes();
        guestRoutes();
        theUsersOwnRoutes();
    }

    /** The routing table, event by event (for the AsyncAPI document). */
    public List<Route> routes() {
        return Collections.unmodifiableList(new ArrayList<>(table.values()));
    }

    public Routing route(DomainEvent event) {
        Route route = table.get(event.getClass());
        return route == null ? Routing.NONE : work.read(() -> route.routing().apply(event));
    }

    /** Routes events in their order in one read-only transaction (a consumer's batch). */
    public List<Routing> routeAll(List<DomainEvent> events) {
        return events.isEmpty() ? List.of() : work.read(() -> events.stream().map(this::route).toList());
    }

    private void meetingRoutes() {
        on(MeetingEvent.Created.class, List.of(MEETING_CREATED), e -> toParticipants(e.meetingId(), MEETING_CREATED,
                new MeetingCreated(e.meetingId().value(), e.title(), e.startTime(), e.endTime(), e.createdBy())));
        on(MeetingEvent.Updated.class, List.of(MEETING_UPDATED), e -> toParticipants(e.meetingId(), MEETING_UPDATED,
                new MeetingUpdated(e.meetingId().value(), e.changes())));
        on(MeetingEvent.Cancelled.class, List.of(MEETING_CANCELLED), e -> toUsers(e.participantIds(),
                MEETING_CANCELLED, new MeetingCancelled(e.meetingId().value(), "cancelled", e.cancelledBy())));
        // the seed's DELETE /api/meetings/:id is "cancel": the portal drops a deleted meeting or call on
        // meeting:cancelled; a call still running also gets its call:ended (from call.ended)
        on(MeetingEvent.Deleted.class, List.of(MEETING_CANCELLED), e -> toUsers(e.participantIds(),
                MEETING_CANCELLED, new MeetingCancelled(e.meetingId().value(), "deleted", e.deletedBy())));
        on(MeetingEvent.Started.class, List.of(MEETING_STARTED), e -> toParticipants(e.meetingId(), MEETING_STARTED,
                new MeetingStarted(e.meetingId().value())));
        on(MeetingEvent.Ended.class, List.of(MEETING_ENDED), e -> toUsers(e.participantIds(), MEETING_ENDED,
                new MeetingEnded(e.meetingId().value(), e.durationSeconds(), e.participantCount())));
        on(MeetingEvent.Reminder.class, List.of(MEETING_REMINDER), e -> {
            Optional<Meeting> meeting = meeting(e.meetingId());
            return deliveries(Delivery.toUsers(MEETING_REMINDER, new MeetingReminder(e.meetingId().value(),
                    meeting.map(Meeting::title).orElse(null), meeting.map(Meeting::startTime).orElse(null),
                    e.minutesBefore()), e.userIds()));
        });
        // seed 000's chat is for portal users: user rooms only, never a guest's room
        on(MeetingEvent.ChatMessage.class, List.of(CHAT_MESSAGE), e -> toParticipants(e.meetingId(), CHAT_MESSAGE,
                new ChatMessage(e.meetingId().value(), e.messageId(), e.userId(), e.displayName(), e.body(), e.sentAt())));
        on(RecordingEvent.Ready.class, List.of(RECORDING_READY), e -> toUsers(e.participantIds(), RECORDING_READY,
                new RecordingReady(e.meetingId().value(), e.recordingId(), e.chunkCount(), e.sizeBytes(),
                        e.durationMs(), e.format(), e.readyAt())));
    }

    private void participantRoutes() {
        on(ParticipantEvent.Joined.class, List.of(PARTICIPANT_JOINED, FIRST_PARTICIPANT_JOINED,
                CALL_PARTICIPANT_WAITING, PARTICIPANT_REGISTERED, AUTO_ADMITTED, PARTICIPANT_STATUS, PARTICIPANT_COUNT),
                e -> withWaiting(e.meetingId(), joined(e)));
        on(ParticipantEvent.Left.class, List.of(PARTICIPANT_LEFT, PARTICIPANT_COUNT), this::left);
        on(ParticipantEvent.Invited.class, List.of(LIVE_INVITE_SENT, CALL_LIVE_INVITE, MEETING_CREATED,
                PARTICIPANT_INVITED), this::invited);
        // Sc1.2 "Alice receives notification", Sc8 "Dave - Declined": an answer reaches everyone on the list
        on(ParticipantEvent.Accepted.class, List.of(PARTICIPANT_STATUS), e -> toParticipants(e.meetingId(),
                PARTICIPANT_STATUS, new ParticipantStatusChanged(e.meetingId().value(), e.userId(), e.displayName(), "accepted")));
        on(ParticipantEvent.Declined.class, List.of(PARTICIPANT_STATUS), e -> toParticipants(e.meetingId(),
                PARTICIPANT_STATUS, new ParticipantStatusChanged(e.meetingId().value(), e.userId(), e.displayName(), "declined")));
        // Sc6.3: everyone in it sees the mute; the muted one shows "You were muted by Bob"
        on(ParticipantEvent.Muted.class, List.of(PARTICIPANT_MUTED), e -> toParticipants(e.meetingId(),
                PARTICIPANT_MUTED, new ParticipantMuted(e.meetingId().value(), e.userId(), e.displayName(), true,
                        e.by(), e.byName())));
        on(ParticipantEvent.Unmuted.class, List.of(PARTICIPANT_MUTED), e -> toParticipants(e.meetingId(),
                PARTICIPANT_MUTED, new ParticipantMuted(e.meetingId().value(), e.userId(), e.displayName(), false,
                        e.by(), e.byName())));
    }

    private void callRoutes() {
        on(CallEvent.Started.class, List.of(CALL_STARTED), this::threadBanner);
        on(CallEvent.Ringing.class, List.of(CALL_INCOMING, CALL_RINGING, CALL_PARTICIPANT_WAITING),
                e -> withWaiting(e.callId(), ringing(e)));
        on(CallEvent.Accepted.class, List.of(CALL_ACCEPTED, CALL_PARTICIPANT_WAITING),
                e -> withWaiting(e.callId(), answered(e.callId(), e.userId(), e.callerId(), true)));
        on(CallEvent.Declined.class, List.of(CALL_DECLINED, CALL_PARTICIPANT_WAITING),
                e -> withWaiting(e.callId(), answered(e.callId(), e.userId(), e.callerId(), false)));
        on(CallEvent.Missed.class, List.of(CALL_DECLINED, CALL_PARTICIPANT_WAITING),
                e -> withWaiting(e.callId(), missed(e)));
        on(CallEvent.Ended.class, List.of(CALL_ENDED), e -> toUsers(e.participantIds(), CALL_ENDED,
                new CallEnded(e.meetingId().value(), e.durationSeconds(), e.endedBy(), e.reason())));
        on(CallEvent.Deleted.class, List.of(MEETING_CANCELLED), e -> toUsers(e.participantIds(), MEETING_CANCELLED,
                new MeetingCancelled(e.callId().value(), "deleted", e.deletedBy())));
    }

    private void guestRoutes() {
        on(GuestEvent.InviteLinkGenerated.class, List.of(INVITE_LINK_GENERATED), e -> toUsers(e.participantIds(),
                INVITE_LINK_GENERATED, new InviteLinkGenerated(e.meetingId().value(), e.generatedBy(), e.validFrom(),
                        e.validUntil())));
        // a guest's socket is in its own room guest:<sessionId> only, and hears only these
        on(GuestEvent.Waiting.class, List.of(GUEST_WAITING), e -> deliveries(Delivery.toUsers(GUEST_WAITING,
                new GuestWaiting(e.meetingId().value(), e.sessionId(), e.displayName(), e.requestId()), e.userIds())));
        on(GuestEvent.Admitted.class, List.of(GUEST_ADMITTED), e -> toGuest(e.sessionId(), GUEST_ADMITTED,
                new GuestAdmitted(e.sessionId(), e.admittedBy())));
        on(GuestEvent.Declined.class, List.of(GUEST_DECLINED), e -> toGuest(e.sessionId(), GUEST_DECLINED,
                new GuestDeclined(e.sessionId(), e.declinedBy(), "declined")));
        on(GuestEvent.RequestExpired.class, List.of(GUEST_DECLINED), e -> toGuest(e.sessionId(), GUEST_DECLINED,
                new GuestDeclined(e.sessionId(), null, "expired")));
        on(GuestEvent.AllServerUsersLeft.class, List.of(ALL_SERVER_USERS_LEFT), e -> toGuest(e.sessionId(),
                ALL_SERVER_USERS_LEFT, new AllServerUsersLeft(e.meetingId().value(), e.removeAt(), e.graceSeconds(),
                        "Everyone of the host's side has left: you will be disconnected.")));
        on(GuestEvent.Removed.class, List.of(GUEST_REMOVED), e -> new Routing(List.of(), toGuest(e.sessionId(),
                GUEST_REMOVED, new GuestRemoved(e.meetingId().value(), e.sessionId(), e.reason())).deliveries(),
                List.of(Delivery.guestRoom(e.sessionId()))));
        on(GuestEvent.SessionEnded.class, List.of(), e ->
                new Routing(List.of(), List.of(), List.of(Delivery.guestRoom(e.sessionId()))));
        on(GuestEvent.Joined.class, List.of(GUEST_JOINED), e -> toParticipants(e.meetingId(), GUEST_JOINED,
                new GuestJoined(e.meetingId().value(), e.sessionId(), e.displayName())));
        on(GuestEvent.Left.class, List.of(GUEST_LEFT), e -> {
            Routing left = toParticipants(e.meetingId(), GUEST_LEFT,
                    new GuestLeft(e.meetingId().value(), e.sessionId(), e.displayName()));
            return new Routing(left.memberships(), left.deliveries(), List.of(Delivery.guestRoom(e.sessionId())));
        });
    }

    private void theUsersOwnRoutes() {
        on(PresenceEvent.Changed.class, List.of(PRESENCE_UPDATE, USER_CONNECTED, USER_DISCONNECTED), this::presence);
        on(NotificationEvent.Created.class, List.of(NOTIFICATION_NEW), e -> deliveries(Delivery.toUsers(
                NOTIFICATION_NEW, notification(e.notification()), List.of(e.userId()))));
        on(NotificationEvent.Dismissed.class, List.of(NOTIFICATION_DISMISSED), e -> deliveries(Delivery.toUsers(
                NOTIFICATION_DISMISSED, new NotificationDismissed(e.notificationId(), e.reason()), List.of(e.userId()))));
        // a softphone event goes to every device of its user (the pulsing phone button, Recents)
        on(SoftphoneCallEvent.Ringing.class, List.of(SOFTPHONE_INCOMING), e -> toUser(e.userId(), SOFTPHONE_INCOMING,
                softphoneCall(e.callLogId(), e.direction(), e.number(), e.contactId(), e.contactName(), e.status(),
                        e.missedReason(), e.startedAt(), e.durationSeconds())));
        on(SoftphoneCallEvent.Missed.class, List.of(SOFTPHONE_MISSED), e -> toUser(e.userId(), SOFTPHONE_MISSED,
                softphoneCall(e.callLogId(), e.direction(), e.number(), e.contactId(), e.contactName(), e.status(),
                        e.missedReason(), e.startedAt(), e.durationSeconds())));
        on(SoftphoneCallEvent.Ended.class, List.of(SOFTPHONE_CALL_ENDED), e -> toUser(e.userId(), SOFTPHONE_CALL_ENDED,
                softphoneCall(e.callLogId(), e.direction(), e.number(), e.contactId(), e.contactName(), e.status(),
                        e.missedReason(), e.startedAt(), e.durationSeconds())));
        on(SipEvent.CredentialsChanged.class, List.of(SOFTPHONE_CONFIG_CHANGED), e -> toUser(e.userId(),
                SOFTPHONE_CONFIG_CHANGED, new SoftphoneConfigChanged("credentials_" + e.action())));
        on(WebhookEvent.Disabled.class, List.of(WEBHOOK_DISABLED), e -> toUser(e.ownerId(), WEBHOOK_DISABLED,
                new WebhookDisabled(e.webhookId(), e.url(), e.reason(), e.disabledAt())));
    }

    @SuppressWarnings("unchecked")
    private <E extends DomainEvent> void on(Class<E> event, List<SocketMessage<?>> messages,
                                            Function<E, Routing> routing) {
        EventTypes.all().of(event); // a record of an event family, or this fails at startup
        if (table.put(event, new Route(event, messages, e -> routing.apply((E) e))) != null) {
            throw new IllegalStateException(event.getName() + " is routed twice");
        }
    }

    // ---- calls

    private Routing ringing(CallEvent.Ringing e) {
        String callId = e.callId().value();
        String callerName = meeting(e.callId()).flatMap(call -> call.participant(e.callerId()))
                .map(Participant::displayName).orElse("Someone");
        return deliveries(
                Delivery.toUsers(CALL_INCOMING, incoming(callId, e.callerId(), callerName, clock.instant()),
                        List.of(e.calleeId())),
                Delivery.toUsers(CALL_RINGING, new CallRinging(callId, e.calleeId()), List.of(e.callerId())));
    }

    /** The seed's {@code call:incoming}: also sent on connect for rings still ringing. */
    static CallIncoming incoming(String callId, String callerId, String callerName, Instant at) {
        return new CallIncoming(callId, callerId, callerName, null, at);
    }

    private Routing answered(MeetingId callId, String userId, String callerId, boolean accepted) {
        Optional<Meeting> call = meeting(callId);
        String name = call.flatMap(c -> c.participant(userId)).map(Participant::displayName).orElse(userId);
        // the call may be cleaned up already (a decline that left the caller alone hangs up at once):
        // then the event's own callerId says who must hear it
        List<String> recipients = call.map(EventRouting::participantIds)
                .orElseGet(() -> Stream.of(callerId, userId).filter(Objects::nonNull).distinct().toList());
        return deliveries(accepted
                ? Delivery.toUsers(CALL_ACCEPTED, new CallAccepted(callId.value(), userId, name, null), recipients)
                : Delivery.toUsers(CALL_DECLINED, new CallDeclined(callId.value(), userId, name, "declined"), recipients));
    }

    /** Nobody answered (or the callee was offline): the caller sees it as a decline with a reason. */
    private Routing missed(CallEvent.Missed e) {
        String name = meeting(e.callId()).flatMap(c -> c.participant(e.calleeId())).map(Participant::displayName)
                .orElse(e.calleeId());
        return deliveries(Delivery.toUsers(CALL_DECLINED, new CallDeclined(e.callId().value(), e.calleeId(), name,
                e.reason() == null ? "no_answer" : e.reason()), List.of(e.callerId())));
    }

    /**
     * Seed 002's {@code call:participant_waiting} ("for grid display"): after each change to whom a
     * call waits for, the people it still waits for — their phone rings, or they accepted and have
     * not joined yet — go to those in the call (its room: the caller's waiting grid, and everyone
     * who joined). Read when the event is routed, so it is the newest state.
     */
    private Routing withWaiting(MeetingId callId, Routing routing) {
        Optional<Meeting> call = meeting(callId).filter(c -> c.isInstantCall() && c.status() == MeetingStatus.IN_PROGRESS);
        if (call.isEmpty()) {
            return routing;
        }
        List<Delivery> deliveries = new ArrayList<>(routing.deliveries());
        deliveries.add(Delivery.of(CALL_PARTICIPANT_WAITING, new CallParticipantWaiting(callId.value(),
                waitingFor(call.get())), List.of(Delivery.meetingRoom(callId.value()))));
        return new Routing(routing.memberships(), deliveries);
    }

    private List<WaitingParticipant> waitingFor(Meeting call) {
        boolean anyInvited = call.participants().stream().anyMatch(p -> p.status() == ParticipantStatus.INVITED);
        Set<String> ringing = anyInvited ? Set.copyOf(calls.ringing(call.id().value())) : Set.of();
        return call.participants().stream()
                .filter(p -> p.status() == ParticipantStatus.ACCEPTED
                        || p.status() == ParticipantStatus.INVITED && ringing.contains(p.userId()))
                .map(p -> new WaitingParticipant(p.userId(), p.displayName(), null))
                .toList();
    }

    // ---- participants

    private Routing joined(ParticipantEvent.Joined e) {
        Optional<Meeting> meeting = meeting(e.meetingId());
        String meetingId = e.meetingId().value();
        List<String> recipients = meeting.map(EventRouting::participantIds).orElse(List.of(e.userId()));
        List<Delivery> deliveries = new ArrayList<>();
        deliveries.add(Delivery.toUsers(PARTICIPANT_JOINED, new ParticipantJoined(meetingId, e.userId(),
                e.displayName()), recipients));
        if (e.first() && !meeting.map(Meeting::isInstantCall).orElse(false)) {
            deliveries.add(Delivery.toUsers(FIRST_PARTICIPANT_JOINED,
                    new FirstParticipantJoined(meetingId, e.userId()), recipients));
        }
        // seed 002: an invited portal user is admitted at once (guests wait); the plain register echo; the
        // "Recently invited" row's "Joined"; the count a waiting guest's "Ask for access" depends on
        deliveries.add(Delivery.toUsers(AUTO_ADMITTED, new AutoAdmitted(meetingId, e.userId()), List.of(e.userId())));
        deliveries.add(Delivery.toUsers(PARTICIPANT_REGISTERED, new ParticipantRegistered(meetingId, e.userId()),
                recipients));
        deliveries.add(Delivery.toUsers(PARTICIPANT_STATUS, new ParticipantStatusChanged(meetingId, e.userId(),
                e.displayName(), "attended"), recipients));
        meeting.ifPresent(m -> deliveries.add(participantCount(m)));
        return new Routing(List.of(new Routing.Membership(e.userId(), Delivery.meetingRoom(meetingId), true)),
                deliveries);
    }

    private Routing left(ParticipantEvent.Left e) {
        Optional<Meeting> meeting = meeting(e.meetingId());
        List<String> recipients = meeting.map(EventRouting::participantIds).orElse(List.of(e.userId()));
        List<Delivery> deliveries = new ArrayList<>();
        deliveries.add(Delivery.toUsers(PARTICIPANT_LEFT, new ParticipantLeft(e.meetingId().value(), e.userId(),
                e.displayName(), e.reason()), recipients));
        meeting.ifPresent(m -> deliveries.add(participantCount(m)));
        return new Routing(List.of(new Routing.Membership(e.userId(), Delivery.meetingRoom(e.meetingId().value()), false)),
                deliveries);
    }

    /**
     * Seed 002 Additional Q7: how many portal users are in it now (read when routed: the newest count), to its
     * participants and to the sockets of its live guest sessions (at most {@value #MAX_GUESTS}) — a waiting
     * guest's "Ask for access" is enabled while someone is in it.
     */
    private Delivery participantCount(Meeting meeting) {
        int count = (int) meeting.participants().stream().filter(Participant::isPresent).count();
        List<String> rooms = new ArrayList<>(participantIds(meeting).stream().distinct().map(Delivery::userRoom).toList());
        guests.liveIdsIn(meeting.id(), MAX_GUESTS).forEach(session -> rooms.add(Delivery.guestRoom(session.toString())));
        return Delivery.of(PARTICIPANT_COUNT, new ParticipantCount(meeting.id().value(), count), rooms);
    }

    /**
     * An invitation. The invitee of a live one (into a meeting or call under way) is told at once; one added to
     * a meeting not under way gets {@code meeting:created}: it is their meeting now. The others on the list
     * see the invite ({@code meeting:participant_invited}, Sc8.4's "Dave - Pending..."). A thread member who
     * adds themselves to its call by joining it is told nothing: their join follows.
     */
    private Routing invited(ParticipantEvent.Invited e) {
        if (e.userId().equals(e.invitedBy())) {
            return Routing.NONE;
        }
        Optional<Meeting> meeting = meeting(e.meetingId());
        if (meeting.isEmpty()) {
            return Routing.NONE;
        }
        Meeting m = meeting.get();
        List<Delivery> deliveries = new ArrayList<>();
        if (!e.live()) {
            deliveries.add(Delivery.toUsers(MEETING_CREATED, new MeetingCreated(m.id().value(), m.title(),
                    m.startTime(), m.endTime(), m.createdBy()), List.of(e.userId())));
        } else if (m.isInstantCall()) {
            String callerName = m.participant(m.createdBy()).map(Participant::displayName).orElse("Someone");
            deliveries.add(Delivery.toUsers(CALL_LIVE_INVITE, new CallLiveInvite(e.meetingId().value(),
                    m.createdBy(), callerName, e.invitedBy()), List.of(e.userId())));
        } else {
            deliveries.add(Delivery.toUsers(LIVE_INVITE_SENT, new LiveInviteSent(e.meetingId().value(), e.userId(),
                    e.displayName(), e.invitedBy()), List.of(e.userId())));
        }
        List<String> others = participantIds(m).stream().filter(id -> !id.equals(e.userId())).toList();
        if (!others.isEmpty()) {
            deliveries.add(Delivery.toUsers(PARTICIPANT_INVITED, new ParticipantInvited(e.meetingId().value(),
                    e.userId(), e.displayName(), e.invitedBy(), e.live()), others));
        }
        return new Routing(List.of(), deliveries);
    }

    /**
     * Seed 001's {@code ws.notifyThread(thread_id, {event: 'call.started', data: {call_id, room, call_type}})}:
     * the in-chat banner, for calls started in a thread, to the thread's members the event names. They are
     * asked of the portal when the call starts (before its transaction, where the start asks anyway) and
     * carried by the event, so routing makes no network call on the consumer's thread — a slow portal would
     * hold up every socket of the node — and without a portal they are the caller and the members named.
     */
    private Routing threadBanner(CallEvent.Started e) {
        if (e.threadId() == null || e.threadMemberIds() == null || e.threadMemberIds().isEmpty()) {
            return Routing.NONE;
        }
        String room = e.roomName() != null ? e.roomName() : meeting(e.callId()).map(Meeting::roomKey).orElse(null);
        return toUsers(e.threadMemberIds(), CALL_STARTED, new CallStarted(e.callId().value(), room, e.callType()));
    }

    // ---- presence and the user's own

    /**
     * Presence changes go to the user's subscribers (the gateway keeps them in the room
     * presence:<userId>) and, as {@code presence:update}, to the members of the meetings and calls
     * in progress the user is a participant of (at most {@value #MAX_MEMBERS}).
     */
    private Routing presence(PresenceEvent.Changed e) {
        String userId = e.userId();
        List<String> rooms = List.of(presenceRoom(userId));
        List<String> toSubscribersAndMembers = new ArrayList<>(rooms);
        meetings.membersInProgressWith(userId, MAX_MEMBERS).forEach(m -> toSubscribersAndMembers.add(Delivery.userRoom(m)));
        List<Delivery> deliveries = new ArrayList<>();
        deliveries.add(Delivery.of(PRESENCE_UPDATE, new PresenceUpdate(userId, e.status(), e.lastSeen(), e.inCall()),
                toSubscribersAndMembers));
        if ("online".equals(e.status())) {
            deliveries.add(Delivery.of(USER_CONNECTED, new UserConnected(userId), rooms));
        } else if ("offline".equals(e.status())) {
            deliveries.add(Delivery.of(USER_DISCONNECTED, new UserDisconnected(userId, e.lastSeen()), rooms));
        }
        return new Routing(List.of(), deliveries);
    }

    /** The room of the sockets that subscribed to {@code userId}'s presence. */
    public static String presenceRoom(String userId) {
        return "presence:" + userId;
    }

    /** The notification as the event carries it: the list's own shape, {@code GET /api/notifications}. */
    private static NotificationNew notification(Map<String, Object> shown) {
        return new NotificationNew(text(shown.get("id")), text(shown.get("type")), text(shown.get("meetingId")),
                text(shown.get("title")), shown.get("data"), instant(shown.get("createdAt")),
                instant(shown.get("expiresAt")));
    }

    private static SoftphoneCall softphoneCall(String callLogId, String direction, String number, String contactId,
                                               String contactName, String status, String missedReason,
                                               Instant startedAt, long durationSeconds) {
        return new SoftphoneCall(callLogId, direction, number, contactId, contactName, status, missedReason, startedAt,
                durationSeconds);
    }

    // ---- recipients

    private <P> Routing toParticipants(MeetingId meetingId, SocketMessage<P> message, P payload) {
        return meeting(meetingId).map(m -> deliveries(Delivery.toUsers(message, payload, participantIds(m))))
                .orElse(Routing.NONE);
    }

    /** To the users the event names: written when the meeting may be gone by the time it is routed. */
    private static <P> Routing toUsers(List<String> userIds, SocketMessage<P> message, P payload) {
        return userIds == null || userIds.isEmpty() ? Routing.NONE
                : deliveries(Delivery.toUsers(message, payload, userIds));
    }

    private static <P> Routing toUser(String userId, SocketMessage<P> message, P payload) {
        return userId == null ? Routing.NONE : deliveries(Delivery.toUsers(message, payload, List.of(userId)));
    }

    private static <P> Routing toGuest(String sessionId, SocketMessage<P> message, P payload) {
        return sessionId == null ? Routing.NONE
                : new Routing(List.of(), List.of(Delivery.of(message, payload, List.of(Delivery.guestRoom(sessionId)))));
    }

    private Optional<Meeting> meeting(MeetingId id) {
        return id == null ? Optional.empty() : meetings.findById(id);
    }

    private static List<String> participantIds(Meeting meeting) {
        return meeting.participants().stream().map(Participant::userId).toList();
    }

    private static Routing deliveries(Delivery... deliveries) {
        return new Routing(List.of(), List.of(deliveries));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse(value.toString());
    }
}
