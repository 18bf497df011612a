package io.convene.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Meetings made through the API, as a portal user would make them. */
public abstract class MeetingFixtures extends StackTestBase {

    /** Alice's meeting with Bob (manager) and Carol (member); Dave is not in it. */
    protected String aliceMeetingWithManagerBobAndMemberCarol(Instant start) throws Exception {
        String id = createMeeting("alice", Map.of("title", "Planning", "startTime", start.toString(),
                "durationMinutes", 30, "provider", "INTERNAL", "participantIds", List.of(BOB, CAROL)));
        HttpResponse<String> role = post("/api/meetings/" + id + "/roles", tokens.of("alice"),
                Json.write(Map.of("userId", BOB, "roleId", "manager")));
        assertThat(role.statusCode()).as(role.body()).isEqualTo(200);
        return id;
    }

    protected String createMeeting(String owner, Map<String, Object> body) throws Exception {
        HttpResponse<String> created = post("/api/meetings", tokens.of(owner), Json.write(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Json.of(created).get("meetingId").asText();
        made.add(Map.entry(owner, id));
        return id;
    }

    /** The meetings this test made, owner and id. */
    private final java.util.List<Map.Entry<String, String>> made = new java.util.ArrayList<>();

    /**
     * Deletes the meetings this test made (as their owners). For tests whose meetings are only a
     * means (an event to deliver): left alive, their reminders fire whenever a later test moves
     * Camunda's clock, and fill their participants' notification lists.
     */
    protected void deleteMeetingsMade() throws Exception {
        for (Map.Entry<String, String> meeting : made) {
            send("DELETE", "/api/meetings/bulk", tokens.of(meeting.getKey()),
                    Json.write(Map.of("meetingIds", java.util.List.of(meeting.getValue()))));
        }
        made.clear();
    }

    protected long meetingCount() {
        return jdbc().sql("select count(*) from meeting").query(Long.class).single();
    }

    protected abstract org.springframework.jdbc.core.simple.JdbcClient jdbc();
}
