package io.convene.app.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.app.support.Json;
import io.convene.app.support.MeetingFixtures;
import io.convene.app.support.UserLookups;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one request may cost: a bounded list of user ids, no identity-provider look-up before the
 * permission check, pages that stay in range, and a title search that takes {@code %} and {@code _}
 * literally.
 */
class MeetingRequestLimitsIntegrationTest extends MeetingFixtures {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserLookups lookups;

    @Override
    protected JdbcClient jdbc() {
        return jdbc;
    }

    private final Instant start = Instant.now().plus(Duration.ofDays(2));

    @ParameterizedTest(name = "POST /api/meetings/<id>/{0}")
    @ValueSource(strings = {"participants", "invite-live"})
    void an_outsider_inviting_a_hundred_ids_to_someone_elses_meeting_gets_404_and_costs_no_look_up(String action)
            throws Exception {
        // given
        String meeting = aliceMeetingWithManagerBobAndMemberCarol(start);
        List<String> unknown = randomIds(100);

        // when
        HttpResponse<String> response = post("/api/meetings/" + meeting + "/" + action, tokens.of("dave"),
                Json.write(Map.of("participantIds", unknown)));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(lookups.of(unknown)).isZero();
    }

    @Test
    void an_outsider_adding_people_to_someone_elses_call_gets_404_and_costs_no_look_up() throws Exception {
        // given
        assertThat(post("/api/presence/heartbeat", tokens.of("bob"), null).statusCode()).isEqualTo(204);
        HttpResponse<String> started = post("/api/calls/instant", tokens.of("alice"),
                Json.write(Map.of("participantIds", List.of(BOB))));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String location = started.headers().firstValue("Location").orElseThrow();
        String call = location.substring(location.lastIndexOf('/') + 1);
        List<String> unknown = randomIds(50);

        // when
        HttpResponse<String> response = post("/api/calls/" + call + "/invite", tokens.of("dave"),
                Json.write(Map.of("participantIds", unknown)));

        // then
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(lookups.of(unknown)).isZero();
    }

    @Test
    void a_hundred_and_one_ids_are_refused_naming_participant_ids_before_any_look_up() throws Exception {
        // given
        String meeting = aliceMeetingWithManagerBobAndMemberCarol(start);
        List<String> tooMany = randomIds(101);

        // when
        HttpResponse<String> invite = post("/api/meetings/" + meeting + "/participants", tokens.of("alice"),
                Json.write(Map.of("participantIds", tooMany)));
        HttpResponse<String> create = post("/api/meetings", tokens.of("alice"), Json.write(Map.of("title", "Big",
                "startTime", start.toString(), "participantIds", tooMany)));

        // then
        assertBadRequest(invite, "participantIds");
        assertBadRequest(create, "participantIds");
        assertThat(lookups.of(tooMany)).isZero();
    }

    @Test
    void repeated_unknown_ids_are_looked_up_once_each_and_named_by_index() throws Exception {
        // given
        String meeting = aliceMeetingWithManagerBobAndMemberCarol(start);
        List<String> unknown = randomIds(50);
        List<String> twice = new java.util.ArrayList<>(unknown);
        twice.addAll(unknown);

        // when
        HttpResponse<String> response = post("/api/meetings/" + meeting + "/participants", tokens.of("alice"),
                Json.write(Map.of("participantIds", twice)));

        // then
        assertBadRequest(response, "participantIds[0]");
        assertBadRequest(response, "participantIds[99]");
        assertThat(lookups.of(unknown)).isEqualTo(50);
    }

    @Test
    void paging_parameters_out_of_range_are_400_naming_the_parameter() throws Exception {
        String alice = tokens.of("alice");
        for (String list : List.of("/api/meetings", "/api/meetings/upcoming", "/api/meetings/past", "/api/meetings/my")) {
            assertBadRequest(get(list + "?page=-1", alice), "page");
            assertBadRequest(get(list + "?size=0", alice), "size");
            assertBadRequest(get(list + "?size=-5", alice), "size");
            assertBadRequest(get(list + "?size=101", alice), "size");
            assertBadRequest(get(list + "?page=2147483647&size=100", alice), "page");
            assertBadRequest(get(list + "?page=21474837&size=100", alice), "page");
            assertBadRequest(get(list + "?page=99999999999", alice), "page");
            assertBadRequest(get(list + "?size=99999999999", alice), "size");
        }
        assertBadRequest(get("/api/meetings?section=past&page=2147483647&size=100", alice), "page");
        assertThat(get("/api/meetings?page=1000&size=100", alice).statusCode()).isEqualTo(200);
    }

    @Test
    void title_search_takes_percent_and_underscore_literally() throws Exception {
        // given
        String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
        String percent = createMeeting("alice", Map.of("title", tag + " 100% done", "startTime", start.toString()));
        createMeeting("alice", Map.of("title", tag + " 1000 done", "startTime", start.toString()));
        String underscore = createMeeting("alice", Map.of("title", tag + " a_b", "startTime", start.toString()));
        createMeeting("alice", Map.of("title", tag + " axb", "startTime", start.toString()));
        createMeeting("alice", Map.of("title", tag + " back\\slash", "startTime", start.toString()));

        // when / then
        assertThat(titleSearch("", tag + " 100%")).containsExactly(percent);
        assertThat(titleSearch("", tag + " a_b")).containsExactly(underscore);
        assertThat(titleSearch("", tag + " %")).isEmpty();
        assertThat(titleSearch("", tag + " back\\s")).hasSize(1);
    }

    @Test
    void past_title_search_takes_percent_and_underscore_literally() throws Exception {
        // given: two ended meetings of Alice's in the call log
        String tag = "p" + UUID.randomUUID().toString().substring(0, 8);
        String percent = endedSummary(tag + " 50% off");
        endedSummary(tag + " 500 off");
        String underscore = endedSummary(tag + " x_y");
        endedSummary(tag + " xzy");

        // when / then
        assertThat(titleSearch("&section=past", tag + " 50%")).containsExactly(percent);
        assertThat(titleSearch("&section=past", tag + " x_y")).containsExactly(underscore);
    }

    private List<String> titleSearch(String extra, String q) throws Exception {
        HttpResponse<String> response = get("/api/meetings?q=" + java.net.URLEncoder.encode(q,
                java.nio.charset.StandardCharsets.UTF_8) + extra, tokens.of("alice"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.of(response).findValuesAsText("meetingId");
    }

    private String endedSummary(String title) {
        String id = "mtg_" + UUID.randomUUID();
        jdbc.sql("""
                insert into meeting_summary (meeting_id, title, is_instant_call, provider, created_by, status,
                    scheduled_start, scheduled_end, started_at, ended_at, duration_seconds, participant_count,
                    invited_count, recorded_at)
                values (:id, :title, false, 'INTERNAL', :alice, 'ENDED', now(), now(), now(), now(), 60, 1, 1, now())""")
                .param("id", id).param("title", title).param("alice", ALICE).update();
        jdbc.sql("""
                insert into meeting_summary_participant (meeting_id, user_id, display_name, role, joined, attended_seconds)
                values (:id, :alice, 'Alice', 'OWNER', true, 60)""").param("id", id).param("alice", ALICE).update();
        return id;
    }

    private static List<String> randomIds(int n) {
        return IntStream.range(0, n).mapToObj(i -> UUID.randomUUID().toString()).toList();
    }

    private static void assertBadRequest(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(field + ": " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.of(response).get("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }
}
