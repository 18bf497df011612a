package io.convene.app.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.app.support.Json;
import io.convene.app.support.MeetingFixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The permission matrix of seed 002 (scenario 6), for owner, manager, member, org admin and outsider. */
class MeetingPermissionsIntegrationTest extends MeetingFixtures {

    @Autowired
    JdbcClient jdbc;
    private String meeting;

    @Override
    protected JdbcClient jdbc() {
        return jdbc;
    }

    @BeforeEach
    void aMeetingInAnHour() throws Exception {
        meeting = aliceMeetingWithManagerBobAndMemberCarol(Instant.now().plus(Duration.ofHours(1)));
    }

    @Test
    void an_outsider_gets_404_on_the_meeting_and_every_sub_resource() throws Exception {
        String dave = tokens.of("dave");
        String invite = Json.write(Map.of("participantIds", List.of(DAVE)));
        List<String[]> calls = List.of(
                new String[] {"GET", "", null},
                new String[] {"PATCH", "", Json.write(Map.of("title", "Mine now"))},
                new String[] {"DELETE", "", null},
                new String[] {"POST", "/cancel", null},
                new String[] {"POST", "/start", null},
                new String[] {"POST", "/end", null},
                new String[] {"POST", "/join", null},
                new String[] {"POST", "/leave", null},
                new String[] {"POST", "/participants", invite},
                new String[] {"DELETE", "/participants/" + CAROL, null},
                new String[] {"PATCH", "/participants/" + DAVE, Json.write(Map.of("status", "accepted"))},
                new String[] {"POST", "/invite-live", invite},
                new String[] {"POST", "/roles", Json.write(Map.of("userId", CAROL, "roleId", "manager"))},
                new String[] {"PATCH", "/settings", Json.write(Map.of("voiceOnly", true))},
                new String[] {"GET", "/preview", null},
                new String[] {"GET", "/chat", null},
                new String[] {"POST", "/chat", Json.write(Map.of("body", "hello?"))});

        for (String[] call : calls) {
            HttpResponse<String> response = send(call[0], "/api/meetings/" + meeting + call[1], dave, call[2]);
            assertThat(response.statusCode()).as(call[0] + " " + call[1] + ": " + response.body()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(Json.of(get("/api/meetings/" + meeting, tokens.of("alice"))).get("title").asText()).isEqualTo("Planning");
    }

    @Test
    void a_member_cannot_start_early_end_invite_remove_edit_or_assign_roles() throws Exception {
        String carol = tokens.of("carol");

        assertThat(send("POST", "/api/meetings/" + meeting + "/start", carol, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/meetings/" + meeting + "/end", carol, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/meetings/" + meeting + "/participants", carol,
                Json.write(Map.of("participantIds", List.of(DAVE)))).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/meetings/" + meeting + "/participants/" + BOB, carol, null).statusCode()).isEqualTo(403);
        assertThat(send("PATCH", "/api/meetings/" + meeting, carol, Json.write(Map.of("title", "x"))).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/meetings/" + meeting + "/roles", carol,
                Json.write(Map.of("userId", CAROL, "roleId", "manager"))).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/meetings/" + meeting + "/cancel", carol, null).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/meetings/" + meeting, carol, null).statusCode()).isEqualTo(403);
        // what a member may do
        assertThat(get("/api/meetings/" + meeting, carol).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/meetings/" + meeting + "/chat", carol, Json.write(Map.of("body", "hi"))).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/meetings/" + meeting + "/join", carol, null).statusCode())
                .as("a member cannot open the meeting before its start").isEqualTo(409);
        assertThat(Json.of(get("/api/meetings/" + meeting, carol)).get("status").asText()).isEqualTo("scheduled");
    }

    @Test
    void a_manager_cannot_remove_end_assign_roles_or_delete_but_may_invite_edit_and_start_early() throws Exception {
        String bob = tokens.of("bob");

        assertThat(send("DELETE", "/api/meetings/" + meeting + "/participants/" + CAROL, bob, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/meetings/" + meeting + "/roles", bob,
                Json.write(Map.of("userId", CAROL, "roleId", "manager"))).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/meetings/" + meeting, bob, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/meetings/" + meeting + "/participants", bob,
                Json.write(Map.of("participantIds", List.of(DAVE)))).statusCode()).isEqualTo(200);
        assertThat(send("PATCH", "/api/meetings/" + meeting, bob, Json.write(Map.of("title", "Planning v2"))).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/meetings/" + meeting + "/start", bob, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/meetings/" + meeting + "/end", bob, null).statusCode()).isEqualTo(403);
        assertThat(Json.of(get("/api/meetings/" + meeting, bob)).get("status").asText()).isEqualTo("in_progress");
    }

    @Test
    void only_the_owner_assigns_roles_removes_people_and_deletes() throws Exception {
        String alice = tokens.of("alice");

        assertThat(send("POST", "/api/meetings/" + meeting + "/roles", alice,
                Json.write(Map.of("userId", CAROL, "roleId", "manager"))).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/meetings/" + meeting + "/participants/" + BOB, alice, null).statusCode()).isEqualTo(200);
        // seed 002: DELETE is "Cancel meeting (owner only)" — kept as cancelled; a second DELETE deletes it
        assertThat(send("DELETE", "/api/meetings/" + meeting, alice, null).statusCode()).isEqualTo(200);
        assertThat(Json.of(get("/api/meetings/" + meeting, alice)).get("status").asText()).isEqualTo("cancelled");
        assertThat(send("DELETE", "/api/meetings/" + meeting, alice, null).statusCode()).isEqualTo(204);

        assertThat(get("/api/meetings/" + meeting, alice).statusCode()).isEqualTo(404);
    }

    @Test
    void removing_the_last_one_before_the_scheduled_end_leaves_the_meeting_empty_and_joinable() throws Exception {
        String alice = tokens.of("alice");
        assertThat(send("POST", "/api/meetings/" + meeting + "/start", alice, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/meetings/" + meeting + "/join", tokens.of("carol"), null).statusCode()).isEqualTo(200);

        var removed = send("DELETE", "/api/meetings/" + meeting + "/participants/" + CAROL, alice, null);

        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(Json.of(removed).get("status").asText()).isEqualTo("in_progress");
        assertThat(Json.of(removed).get("participants").findValuesAsText("userId")).doesNotContain(CAROL);
        assertThat(send("POST", "/api/meetings/" + meeting + "/join", tokens.of("bob"), null).statusCode())
                .as("joinable until its scheduled end").isEqualTo(200);
    }

    @Test
    void the_owner_role_cannot_be_given_away() throws Exception {
        HttpResponse<String> response = send("POST", "/api/meetings/" + meeting + "/roles", tokens.of("alice"),
                Json.write(Map.of("userId", BOB, "roleId", "owner")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.of(response).at("/errors/0/field").asText()).isEqualTo("roleId");
    }

    @Test
    void an_org_admin_may_read_and_delete_any_meeting_and_list_the_org() throws Exception {
        String admin = tokens.of("admin");

        assertThat(get("/api/meetings/" + meeting, admin).statusCode()).isEqualTo(200);
        assertThat(get("/api/meetings?scope=org&size=100", admin).body()).contains(meeting);
        assertThat(get("/api/meetings?scope=org", tokens.of("carol")).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/meetings/" + meeting + "/roles", admin,
                Json.write(Map.of("userId", CAROL, "roleId", "manager"))).statusCode())
                .as("role assignment is the owner's alone").isEqualTo(403);
        assertThat(send("DELETE", "/api/meetings/bulk", admin, Json.write(Map.of("meetingIds", List.of(meeting))))
                .body()).contains("\"deleted\":1");
    }

    @Test
    void only_the_invitee_answers_their_invitation() throws Exception {
        String accept = Json.write(Map.of("status", "declined"));

        assertThat(send("PATCH", "/api/meetings/" + meeting + "/participants/" + CAROL, tokens.of("bob"), accept).statusCode()).isEqualTo(403);
        HttpResponse<String> own = send("PATCH", "/api/meetings/" + meeting + "/participants/" + CAROL, tokens.of("carol"), accept);

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(Json.of(own).get("participants").findValues("status").stream().map(n -> n.asText()).toList()).contains("declined");
    }

    @Test
    void bulk_delete_deletes_what_it_may_and_reports_the_rest() throws Exception {
        String carolsOwn = createMeeting("carol", Map.of("title", "Carol's", "startTime", Instant.now().plus(Duration.ofHours(2)).toString()));
        String unknown = "mtg_00000000-0000-4000-8000-00000000beef";

        HttpResponse<String> response = send("DELETE", "/api/meetings/bulk", tokens.of("carol"),
                Json.write(Map.of("meetingIds", List.of(carolsOwn, meeting, unknown))));

        assertThat(response.statusCode()).isEqualTo(200);
        var result = Json.of(response);
        assertThat(result.get("deleted").asInt()).isEqualTo(1);
        assertThat(result.get("failed").asInt()).isEqualTo(2);
        assertThat(result.get("errors").findValuesAsText("reason")).containsExactlyInAnyOrder("Not owner", "Not found");
        assertThat(get("/api/meetings/" + meeting, tokens.of("alice")).statusCode()).isEqualTo(200);
        assertThat(get("/api/meetings/" + carolsOwn, tokens.of("carol")).statusCode()).isEqualTo(404);
    }
}
