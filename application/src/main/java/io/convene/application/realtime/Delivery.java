package io.convene.application.realtime;

import java.util.Collection;
import java.util.List;

/**
 * One socket event for some rooms: {@code user:<id>} reaches every device of a user,
 * {@code meeting:<id>} everyone currently in a meeting or call. The gateway only emits it.
 * {@code payload} is the message's record ({@link SocketPayloads}).
 */
public record Delivery(String event, Object payload, List<String> rooms) {

    public static String userRoom(String userId) {
        return "user:" + userId;
    }

    /** A guest's own socket(s): the only room a guest's socket is ever in. */
    public static String guestRoom(String sessionId) {
        return "guest:" + sessionId;
    }

    public static String meetingRoom(String meetingId) {
        return "meeting:" + meetingId;
    }

    /** The message to these rooms. */
    static <P> Delivery of(SocketMessage<P> message, P payload, List<String> rooms) {
        return new Delivery(message.name(), payload, rooms);
    }

    /** The message to every device of each of these users. */
    static <P> Delivery toUsers(SocketMessage<P> message, P payload, Collection<String> userIds) {
        return of(message, payload, userIds.stream().distinct().map(Delivery::userRoom).toList());
    }
}
