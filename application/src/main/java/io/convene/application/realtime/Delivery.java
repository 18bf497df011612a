package io.convene.application.realtime;

import java.util.List;
import java.util.Map;

/**
 * One socket event for some rooms: {@code user:<id>} reaches every device of a user,
 * {@code meeting:<id>} everyone currently in a meeting or call. The gateway only emits it.
 */
public record Delivery(String event, Map<String, Object> payload, List<String> rooms) {

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

    static Delivery toUsers(String event, Map<String, Object> payload, java.util.Collection<String> userIds) {
        return new Delivery(event, payload, userIds.stream().distinct().map(Delivery::userRoom).toList());
    }
}
