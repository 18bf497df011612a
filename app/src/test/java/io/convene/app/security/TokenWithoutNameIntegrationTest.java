package io.convene.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.api.security.Actors;
import io.convene.app.support.Json;
import io.convene.app.support.MeetingFixtures;
import io.convene.application.meeting.ParticipantChanges;
import io.convene.application.shared.Actor;
import io.convene.application.shared.Ids;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A portal user whose token carries no {@code name} (a Keycloak user without first and last
 * name): what others see of them is their user name, never "null".
 */
class TokenWithoutNameIntegrationTest extends MeetingFixtures {

    @Autowired
    ParticipantChanges participants;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_live_invite_from_a_user_without_a_name_names_them_by_user_name() throws Exception {
        String meeting = createMeeting("alice", Map.of("title", "Stand-up",
                "startTime", Instant.now().plus(1, ChronoUnit.HOURS).toString(), "durationMinutes", 30,
                "provider", "INTERNAL", "participantIds", List.of(BOB)));
        HttpResponse<String> started = post("/api/meetings/" + meeting + "/start", tokens.of("alice"), null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        Actor nameless = Actors.of(Jwt.withTokenValue("t").header("alg", "none").subject(ALICE)
                .claim("preferred_username", "alice").claim("roles", List.of("user")).build());

        participants.invite(Ids.meetingId("meetingId", meeting), List.of(CAROL), true, nameless);

        JsonNode invite = liveInviteOf(Json.of(get("/api/notifications", tokens.of("carol"))), meeting);
        assertThat(invite.get("title").asText()).isEqualTo("alice invites you to join Stand-up now").doesNotContain("null");
    }

    private static JsonNode liveInviteOf(JsonNode notifications, String meeting) {
        for (JsonNode notification : notifications) {
            if (notification.get("type").asText().equals("meeting.live_invite")
                    && notification.get("meetingId").asText().equals(meeting)) {
                return notification;
            }
        }
        throw new AssertionError("no live invite for " + meeting + " in " + notifications);
    }

    @Override
    protected JdbcClient jdbc() {
        return jdbc;
    }
}
