package io.convene.api.realtime;

import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import io.convene.application.call.CallInvitations;
import io.convene.application.call.CallStarted;
import io.convene.application.guest.GuestAdmissions;
import io.convene.application.meeting.Attendance;
import io.convene.application.meeting.MeetingReads;
import io.convene.application.meeting.MeetingResults;
import io.convene.application.presence.Presence;
import io.convene.application.realtime.EventRouting;
import io.convene.application.realtime.SocketContract;
import io.convene.application.realtime.SocketPayloads;
import io.convene.application.shared.Ids;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events a client may send, each answered with an ack ({@code {ok, data}} or
 * {@code {ok: false, problem}}), each calling one use case (the same as its REST twin).
 * Unknown events, malformed payloads and oversized lists get a problem, never a crash.
 */
class InboundEvents {

    static final String REGISTER_PARTICIPANT = "meeting:register-participant";
    static final String SUBSCRIBE = "presence:subscribe";
    static final String UNSUBSCRIBE = "presence:unsubscribe";
    static final String ADMIT_GUEST = "meeting:admit_guest";
    static final String DECLINE_GUEST = "meeting:decline_guest";
    static final String HEARTBEAT = "presence:heartbeat";
    static final String CALL_NOTIFY = SocketContract.CALL_NOTIFY.name();
    static final String CHECK_PARTICIPANTS = SocketContract.CHECK_PARTICIPANTS.name();
    static final String CHECK_STATUS = SocketContract.CHECK_STATUS.name();

    /** The most users one {@code call:notify} names (as {@code POST /api/calls/notify}). */
    private static final int MAX_NOTIFIED = 50;

    /** The heartbeat's ack: nothing to say but yes (REST answers 204). */
    private static final Map<String, Object> HEARTBEAT_OK = Map.of("ok", true, "data", Map.of());

    private final Attendance attendance;
    private final Presence presence;
    private final RealtimeProperties properties;
    private final GuestAdmissions guests;
    private final MeetingReads reads;
    private final CallInvitations invitations;

    InboundEvents(Attendance attendance, Presence presence, GuestAdmissions guests, MeetingReads reads,
                  CallInvitations invitations, RealtimeProperties properties) {
        this.guests = guests;
        this.reads = reads;
        this.invitations = invitations;
        this.attendance = attendance;
        this.presence = presence;
        this.properties = properties;
    }

    Set<String> names() {
        return Set.of(REGISTER_PARTICIPANT, SUBSCRIBE, UNSUBSCRIBE, HEARTBEAT, ADMIT_GUEST, DECLINE_GUEST,
                CALL_NOTIFY, CHECK_PARTICIPANTS, CHECK_STATUS, ConveneJsonSupport.UNKNOWN);
    }

    void register(SocketIOServer server, SocketGateway gateway) {
        // the server's ack mode is manual: every listener answers its ack itself, once
        server.addEventListener(ConveneJsonSupport.UNKNOWN, Object.class, (client, name, ack) ->
                reply(ack, AckReplies.problem(400, "Bad Request", "unknown event: " + name)));
        on(server, gateway, REGISTER_PARTICIPANT, (session, body) -> {
            // POST /api/meetings/{id}/join's use case
            String meetingId = body.get("meetingId") instanceof String id ? id : null;
            return AckReplies.ok(attendance.join(Ids.meetingId("meetingId", meetingId), session.actor(), "socket.io"));
        });
        // POST /api/meetings/{id}/guests/{sessionId}/admit|decline's use case: the first answer wins, later ones 409
        on(server, gateway, ADMIT_GUEST, (session, body) -> AckReplies.ok(guests.answer(text(body, "meetingId"),
                text(body, "sessionId"), session.actor(), true)));
        on(server, gateway, DECLINE_GUEST, (session, body) -> AckReplies.ok(guests.answer(text(body, "meetingId"),
                text(body, "sessionId"), session.actor(), false)));
        // POST /api/calls/notify's use case (seed 002's InstantCallService.notifyParticipants)
        on(server, gateway, CALL_NOTIFY, (session, body) -> {
            List<String> ids = body.get("userIds") == null ? List.of() : ids(body.get("userIds"), MAX_NOTIFIED);
            if (ids == null) {
                return AckReplies.badRequest("userIds: must be a list of at most " + MAX_NOTIFIED + " user ids");
            }
            CallStarted rung = invitations.ringAgain(Ids.callId("meetingId", text(body, "meetingId")), ids,
                    session.actor());
            return AckReplies.ok(Map.of("meetingId", rung.call().id().value(), "ringing", rung.ringing(),
                    "unreachable", rung.unreachable()));
        });
        // the prejoin's checks: answered with their event to this socket (the seed's client listens for it) and in the ack
        on(server, gateway, CHECK_PARTICIPANTS, (session, body) -> {
            MeetingResults.ParticipantsCheck check = reads.participantsCheck(
                    Ids.meetingId("meetingId", text(body, "meetingId")), session.actor());
            SocketPayloads.ParticipantsInfo info = new SocketPayloads.ParticipantsInfo(check.meetingId(), check.isFirst(),
                    check.count());
            session.client().sendEvent(SocketContract.PARTICIPANTS_INFO.name(), info);
            return AckReplies.ok(info);
        });
        on(server, gateway, CHECK_STATUS, (session, body) -> {
            MeetingResults.StatusCheck check = reads.statusCheck(Ids.meetingId("meetingId", text(body, "meetingId")),
                    session.actor());
            SocketPayloads.MeetingInfo info = new SocketPayloads.MeetingInfo(check.meetingId(), check.title(),
                    check.status(), check.startTime(), check.endTime(), check.isInstantCall(), check.allowExternal(),
                    check.participantCount(), check.youAreIn());
            session.client().sendEvent(SocketContract.MEETING_INFO.name(), info);
            return AckReplies.ok(info);
        });
        on(server, gateway, SUBSCRIBE, (session, body) -> {
            List<String> ids = userIds(body);
            if (ids == null) {
                return AckReplies.badRequest("userIds: must be a list of user ids");
            }
            Set<String> subscriptions = session.subscriptions();
            long added = ids.stream().distinct().filter(id -> !subscriptions.contains(id)).count();
            if (subscriptions.size() + added > properties.maxSubscriptions()) {
                return AckReplies.badRequest("userIds: at most " + properties.maxSubscriptions()
                        + " presence subscriptions per socket");
            }
            return AckReplies.ok(Map.of("users", presence.of(ids)));
        });
        on(server, gateway, UNSUBSCRIBE, (session, body) -> {
            List<String> ids = userIds(body);
            return ids == null ? AckReplies.badRequest("userIds: must be a list of user ids") : AckReplies.ok(Map.of());
        });
        // POST /api/presence/heartbeat's use case. It is one map write in memory (the batch is written
        // every second), so it is answered on the event loop like an unknown event: the lane's two thread
        // hand-offs cost twice the no-op's CPU (docs/benchmarks.md). Only when the buffer is full, which
        // means writing the batch first, does it go to the socket's lane like every event that may wait.
        on(server, gateway, HEARTBEAT, Payload.OPTIONAL,
                (session, body) -> presence.heartbeatWithoutWaiting(session.actor().id()) ? HEARTBEAT_OK : null,
                (session, body) -> {
                    presence.heartbeat(session.actor().id());
                    return HEARTBEAT_OK;
                });
    }

    private static String text(Map<?, ?> body, String key) {
        return body.get(key) instanceof String value && value.length() <= 100 ? value : null;
    }

    /** userIds as a bounded list of short strings, or null. */
    private List<String> userIds(Map<?, ?> body) {
        List<String> ids = ids(body.get("userIds"), properties.maxSubscriptions());
        return ids == null || ids.isEmpty() ? null : ids;
    }

    /** A list of at most {@code max} short strings (distinct, in order), or null. */
    private static List<String> ids(Object value, int max) {
        if (!(value instanceof List<?> list) || list.size() > max) {
            return null;
        }
        for (Object id : list) {
            if (!(id instanceof String s) || s.isBlank() || s.length() > 64) {
                return null;
            }
        }
        return list.stream().map(String.class::cast).distinct().toList();
    }

    interface Handler {
        Map<String, Object> handle(SocketGateway.Session session, Map<?, ?> body);
    }

    /** Whether an event may come without a payload (then it is handled as {@code {}}). */
    private enum Payload { REQUIRED, OPTIONAL }

    private void on(SocketIOServer server, SocketGateway gateway, String event, Handler handler) {
        on(server, gateway, event, Payload.REQUIRED, (session, body) -> null, handler);
    }

    /**
     * @param now     on the event loop: an answer only if it can be given without waiting (nothing that
     *                can block, no database), else null
     * @param handler in the socket's lane, on the handler pool: the answer (the use case may wait there)
     */
    private void on(SocketIOServer server, SocketGateway gateway, String event, Payload payload, Handler now,
                    Handler handler) {
        server.addEventListener(event, Object.class, (client, received, ack) -> {
            Object data = received == null && payload == Payload.OPTIONAL ? Map.of() : received;
            // on Netty's event loop: only what cannot wait; the use case runs in the socket's lane unless `now` answers
            SocketGateway.Session session = gateway.session(client);
            if (session == null && gateway.isGuest(client)) {
                reply(ack, AckReplies.problem(403, "Forbidden", "a guest's socket only listens"));
                return;
            }
            if (session == null) {
                reply(ack, AckReplies.problem(401, "Unauthorized", "not authenticated"));
                return;
            }
            if (!(data instanceof Map<?, ?> body)) {
                reply(ack, AckReplies.badRequest(payload == Payload.OPTIONAL
                        ? "the payload must be an object or nothing" : "the payload must be an object"));
                return;
            }
            Map<String, Object> immediate = now.handle(session, body);
            if (immediate != null) {
                reply(ack, immediate);
                return;
            }
            boolean queued = session.lane().offer(() -> reply(ack, answer(client, event, body, session, handler)));
            if (!queued) {
                reply(ack, AckReplies.problem(503, "Service Unavailable", "busy; try again"));
            }
        });
    }

    /** On the handler pool, in the socket's order: the use case's answer (ack mode is manual: nothing else acks). */
    private Map<String, Object> answer(SocketIOClient client, String event, Map<?, ?> body,
                                       SocketGateway.Session session, Handler handler) {
        try {
            Map<String, Object> result = handler.handle(session, body);
            if (result.get("ok") == Boolean.TRUE) {
                afterOk(client, event, body, session);
            }
            return result;
        } catch (RuntimeException e) {
            return AckReplies.of(e);
        }
    }

    /** Room bookkeeping the gateway owns: presence subscriptions. */
    private void afterOk(SocketIOClient client, String event, Map<?, ?> body, SocketGateway.Session session) {
        if (event.equals(SUBSCRIBE) || event.equals(UNSUBSCRIBE)) {
            for (String id : userIds(body)) {
                if (event.equals(SUBSCRIBE)) {
                    session.subscriptions().add(id);
                    client.joinRoom(EventRouting.presenceRoom(id));
                } else {
                    session.subscriptions().remove(id);
                    if (!session.peers().contains(id)) { // a peer's presence still comes unasked
                        client.leaveRoom(EventRouting.presenceRoom(id));
                    }
                }
            }
        }
    }

    private static void reply(AckRequest ack, Map<String, Object> answer) {
        if (ack.isAckRequested()) {
            ack.sendAckData(answer);
        }
    }

}
