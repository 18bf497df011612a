package io.convene.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.realtime.SocketClient;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** What the seed's client does and reads on its socket, for the socket tests and scenarios. */
final class SocketSteps {

    private SocketSteps() {}

    static Predicate<JsonNode> about(String meetingId) {
        return PortalScenariosTest.about(meetingId);
    }

    static Predicate<JsonNode> user(String field, String userId) {
        return PortalScenariosTest.user(field, userId);
    }

    static Predicate<JsonNode> count(int count) {
        return d -> d.path("count").isInt() && d.path("count").asInt() == count;
    }

    /** The event's payload, after checking that it carries each of {@code fields} (null or not: the seed's client reads them). */
    static JsonNode seen(SocketClient socket, String event, Predicate<JsonNode> which, String... fields) {
        JsonNode data = socket.awaitEvent(event, which).path("data");
        for (String field : fields) {
            assertThat(data.has(field)).as(event + " carries " + field + ": " + data).isTrue();
        }
        return data;
    }

    /** Events of this name about this meeting seen so far. */
    static List<JsonNode> all(SocketClient socket, String event, Predicate<JsonNode> which) {
        return socket.events(event).stream().map(e -> e.path("data")).filter(which).toList();
    }

    /**
     * Waits for the {@code nth} (1-based) {@code event} matching {@code which} and then for a {@code later} event
     * matching it after that one: the messages of one domain event come in the order they are routed, so what
     * that event would have brought is here by then.
     */
    static void awaitAfter(SocketClient socket, String event, Predicate<JsonNode> which, int nth, String later) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> {
                    List<JsonNode> lines = socket.lines();
                    int seen = 0;
                    for (int i = 0; i < lines.size(); i++) {
                        if (is(lines.get(i), event, which) && ++seen == nth) {
                            return lines.subList(i + 1, lines.size()).stream().anyMatch(l -> is(l, later, which));
                        }
                    }
                    return false;
                });
    }

    private static boolean is(JsonNode line, String event, Predicate<JsonNode> which) {
        return "event".equals(line.path("type").asText()) && event.equals(line.path("event").asText())
                && which.test(line.path("data"));
    }

    /**
     * One round trip on the socket: what the server wrote to it before answering has arrived. Used before
     * asserting that something did not come.
     */
    static void roundTrip(SocketClient socket) {
        assertThat(socket.emit("presence:heartbeat", Map.of()).path("ok").asBoolean()).isTrue();
    }

    /** The seed's prejoin: {@code meeting:register-participant}; the ack must be ok. */
    static JsonNode register(SocketClient socket, String meetingId) {
        JsonNode ack = socket.emit("meeting:register-participant", Map.of("meetingId", meetingId));
        assertThat(ack.path("ok").asBoolean()).as("register-participant: " + ack).isTrue();
        return ack.path("data");
    }

    /**
     * The seed's {@code _checkMeetingParticipantStatus}: listens for {@code meeting:participants-info}, emits
     * {@code meeting:check-participants} and waits (the seed: 5 s) for the event; returns it.
     */
    static JsonNode checkParticipants(SocketClient socket, String meetingId) {
        int before = socket.events("meeting:participants-info").size();
        JsonNode ack = socket.emit("meeting:check-participants", Map.of("meetingId", meetingId));
        assertThat(ack.path("ok").asBoolean()).as("check-participants: " + ack).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> socket.events("meeting:participants-info").size() > before);
        JsonNode info = socket.events("meeting:participants-info").get(before).path("data");
        assertThat(info.path("isFirst").isBoolean()).as("isFirst is a bool: " + info).isTrue();
        assertThat(info.path("count").isInt()).as("count is an int: " + info).isTrue();
        assertThat(ack.path("data")).as("the ack says the same").isEqualTo(info);
        return info;
    }
}
