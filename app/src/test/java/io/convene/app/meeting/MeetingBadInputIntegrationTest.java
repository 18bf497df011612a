package io.convene.app.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.app.support.Json;
import io.convene.app.support.MeetingFixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input on the meetings API: 400 problem+json naming the field, and nothing written. */
class MeetingBadInputIntegrationTest extends MeetingFixtures {

    @Autowired
    JdbcClient jdbc;

    @Override
    protected JdbcClient jdbc() {
        return jdbc;
    }

    private final String start = Instant.now().plus(Duration.ofDays(1)).toString();

    @Test
    void creating_with_bad_input_names_the_field_and_writes_nothing() throws Exception {
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("title", body("title", null));
        cases.put("title ", body("title", "   "));
        cases.put("title  ", body("title", "x".repeat(201)));
        cases.put("endTime", body("endTime", start));
        cases.put("durationMinutes", body("durationMinutes", 0));
        cases.put("durationMinutes ", body("durationMinutes", 24 * 60 + 1));
        cases.put("provider", body("provider", "ZOOM"));
        cases.put("externalUrl", body("provider", "EXTERNAL"));
        cases.put("externalUrl ", with(body("provider", "EXTERNAL"), "externalUrl", "ftp://files.example.com/x"));
        cases.put("participantIds[1]", body("participantIds", List.of(BOB, "00000000-0000-4000-8000-0000000000aa")));
        cases.put("participantIds", with(body("participantIds", List.of(BOB, CAROL)), "maxParticipants", 2));
        cases.put("startTime", body("startTime", "tomorrow"));
        cases.put("recordingEnabled", body("recordingEnabled", "yes please"));
        cases.put("colour", body("colour", "blue"));
        cases.put("maxParticipants", body("maxParticipants", -3));
        long before = meetingCount();
        long announcedBefore = reviewsAnnounced(); // other classes create meetings called "Review" too

        for (var entry : cases.entrySet()) {
            HttpResponse<String> response = post("/api/meetings", tokens.of("alice"), Json.write(entry.getValue()));
            assertBadRequest(response, entry.getKey().trim());
        }
        assertThat(meetingCount()).isEqualTo(before);
        assertThat(reviewsAnnounced()).isEqualTo(announcedBefore);
    }

    private long reviewsAnnounced() {
        return jdbc.sql("select count(*) from outbox_event where type = 'meeting.created' and data->>'title' = 'Review'")
                .query(Long.class).single();
    }

    @Test
    void every_other_endpoint_names_the_bad_field() throws Exception {
        String id = createMeeting("alice", Map.of("title", "Review", "startTime", start, "participantIds", List.of(BOB)));
        String alice = tokens.of("alice");
        String m = "/api/meetings/" + id;

        assertBadRequest(get("/api/meetings/not-a-meeting-id", alice), "meetingId");
        assertBadRequest(send("PATCH", m, alice, Json.write(Map.of("title", ""))), "title");
        assertBadRequest(send("PATCH", m, alice, Json.write(Map.of("endTime", "2000-01-01T00:00:00Z"))), "endTime");
        assertBadRequest(send("PATCH", m + "/settings", alice, Json.write(Map.of("maxParticipants", 0))), "maxParticipants");
        assertBadRequest(send("POST", m + "/participants", alice, Json.write(Map.of("participantIds", List.of()))), "participantIds");
        assertBadRequest(send("POST", m + "/participants", alice,
                Json.write(Map.of("participantIds", List.of("00000000-0000-4000-8000-0000000000aa")))), "participantIds[0]");
        assertBadRequest(send("PATCH", m + "/participants/" + BOB, tokens.of("bob"), Json.write(Map.of("status", "maybe"))), "status");
        assertBadRequest(send("POST", m + "/roles", alice, Json.write(Map.of("userId", BOB, "roleId", "king"))), "roleId");
        assertBadRequest(send("POST", m + "/chat", alice, Json.write(Map.of("body", " "))), "body");
        assertBadRequest(send("DELETE", "/api/meetings/bulk", alice, Json.write(Map.of("meetingIds", List.of()))), "meetingIds");
        assertBadRequest(get("/api/meetings?section=someday", alice), "section");
        assertBadRequest(get("/api/meetings?size=1000", alice), "size");
        assertBadRequest(get("/api/users?q=a", alice), "q");
        assertBadRequest(send("POST", "/api/notifications/not-a-uuid/dismiss", alice, null), "notificationId");
        assertThat(Json.of(get(m, alice)).get("title").asText()).isEqualTo("Review");
    }

    private Map<String, Object> body(String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("title", "Review", "startTime", start,
                "provider", "INTERNAL", "participantIds", List.of(BOB)));
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private static void assertBadRequest(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(field + ": " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.of(response).get("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }
}
