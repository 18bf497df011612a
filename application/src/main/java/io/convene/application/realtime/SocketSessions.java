package io.convene.application.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.application.presence.Presence;
import io.convene.application.presence.PresencePeers;
import io.convene.application.shared.Actor;
import io.convene.application.shared.UnitOfWork;
import io.convene.domain.meeting.MeetingId;
import io.convene.domain.meeting.Meetings;
import io.convene.domain.meeting.Participant;
import io.convene.domain.notification.Notification;
import io.convene.domain.notification.Notifications;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * A user's socket came or went. On (re)connect the socket follows the presence of the user's peers
 * ({@link PresencePeers}: no {@code presence:subscribe} needed), and the user gets what is still live for them:
 * the rooms of the meetings and calls they are in now, rings still ringing ({@code call:incoming}),
 * reminders still shown ({@code meeting:reminder}) and their own presence ({@code presence:update},
 * seed 002: "send immediate presence:update on reconnect").
 */
@Service
public class SocketSessions {

    private static final int LIMIT = 100;

    /**
     * What a new socket gets: the rooms it joins ({@code meeting:<id>} of each meeting or call in
     * progress its user is in, at most {@value #LIMIT}) and the deliveries for it alone.
     */
    public record Connected(List<String> rooms, List<Delivery> deliveries, List<String> peers) {}

    private final Presence presences;
    private final Notifications notifications;
    private final Meetings meetings;
    private final ObjectMapper json;
    private final UnitOfWork work;
    private final Clock clock;
    private final PresencePeers peers;

    SocketSessions(Presence presences, Notifications notifications, Meetings meetings, ObjectMapper json,
                   UnitOfWork work, Clock clock, PresencePeers peers) {
        this.peers = peers;
        this.presences = presences;
        this.notifications = notifications;
        this.meetings = meetings;
        this.json = json;
        this.work = work;
        this.clock = clock;
    }

    /** The new socket's rooms and deliveries (the gateway sends them to it only, not to the user's room). */
    public Connected connected(Actor actor, String connectionId) {
        presences.connected(actor.id(), connectionId);
        List<String> rooms = work.read(() -> meetings.attendingNow(actor.id(), LIMIT)).stream()
                .map(Delivery::meetingRoom).toList();
        List<Delivery> live = new ArrayList<>();
        List<String> me = List.of(Delivery.userRoom(actor.id()));
        work.read(() -> notifications.active(actor.id(), clock.instant(), LIMIT)).forEach(n -> {
            Map<String, Object> data = data(n);
            if (n.type().equals("call.incoming")) {
                String callerId = String.valueOf(data.get("callerId"));
                String name = n.title().endsWith(" is calling") ? n.title().substring(0, n.title().length() - 11) : "Someone";
                live.add(Delivery.of(SocketContract.CALL_INCOMING, EventRouting.incoming(n.meetingId(), callerId, name,
                        n.createdAt()), me));
            } else if (n.type().startsWith("meeting.reminder.")) {
                live.add(Delivery.of(SocketContract.MEETING_REMINDER, new SocketPayloads.MeetingReminder(n.meetingId(),
                        (String) data.get("title"), data.get("startTime") == null ? null
                                : java.time.Instant.parse(data.get("startTime").toString()),
                        data.get("minutesBefore") instanceof Number minutes ? minutes.longValue() : 0), me));
            }
        });
        presences.of(List.of(actor.id())).forEach(p -> live.add(Delivery.of(SocketContract.PRESENCE_UPDATE,
                new SocketPayloads.PresenceUpdate(p.userId(), p.status(), p.lastSeen(), p.inCall()), me)));
        return new Connected(rooms, live, peers.of(actor.id()));
    }

    /**
     * A guest's new socket: how many portal users are in its meeting now ({@code meeting:participant_count}),
     * so that a guest who loaded the page before someone joined needs no polling — later changes come as they
     * happen. Empty when the meeting is gone.
     */
    public List<Delivery> guestConnected(MeetingId meetingId) {
        return work.read(() -> meetings.findById(meetingId)).map(meeting -> List.of(Delivery.of(
                SocketContract.PARTICIPANT_COUNT, new SocketPayloads.ParticipantCount(meetingId.value(),
                        (int) meeting.participants().stream().filter(Participant::isPresent).count()), List.of())))
                .orElse(List.of());
    }

    public void disconnected(String userId, String connectionId) {
        presences.disconnected(userId, connectionId);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(Notification n) {
        try {
            return n.data() == null ? Map.of() : json.readValue(n.data(), Map.class);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
