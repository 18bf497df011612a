package io.convene.app.softphone;

import io.convene.app.support.TypedEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.support.Json;
import io.convene.app.support.StackTestBase;
import io.convene.application.realtime.Delivery;
import io.convene.application.realtime.EventRouting;
import io.convene.application.realtime.Routing;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The softphone's call log on the real stack: calls reported by the softphone, inbound ringing
 * in BPMN (missed by the timer on Camunda's clock), filters and KPIs, who sees what, bad input,
 * the CRM match within its budget.
 */
class CallLogIntegrationTest extends StackTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventRouting routing;

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        jdbc.sql("delete from call_log where source = 'softphone'").update();
    }

    @Test
    void an_outbound_call_is_logged_with_its_start_answer_and_end() throws Exception {
        String sipCallId = sip();
        HttpResponse<String> started = report("alice", "out", "+49 30 12345601", sipCallId);
        String id = Json.of(started).get("id").asText();
        HttpResponse<String> again = report("alice", "out", "+493012345601", sipCallId);

        Instant answeredAt = ClockUtil.now().toInstant();
        HttpResponse<String> answered = post("/api/softphone/calls/" + id + "/answered", tokens.of("alice"),
                Json.write(Map.of("answeredAt", answeredAt.toString())));
        HttpResponse<String> ended = post("/api/softphone/calls/" + id + "/ended", tokens.of("alice"),
                Json.write(Map.of("status", "answered", "endedAt", answeredAt.plusSeconds(42).toString())));

        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        assertThat(Json.of(started).get("number").asText()).as("E.164").isEqualTo("+493012345601");
        assertThat(Json.of(started).get("status").asText()).isEqualTo("ringing");
        assertThat(again.statusCode()).as("idempotent by SIP call id").isEqualTo(200);
        assertThat(Json.of(again).get("id").asText()).isEqualTo(id);
        assertThat(Json.of(answered).get("status").asText()).isEqualTo("active");
        JsonNode row = Json.of(ended);
        assertThat(row.get("status").asText()).isEqualTo("answered");
        assertThat(row.get("durationSeconds").asLong()).isEqualTo(42);
        assertThat(row.get("direction").asText()).isEqualTo("out");
        assertThat(row.get("userId").asText()).isEqualTo(ALICE);
        assertThat(events(id)).containsExactly("softphone.call.started", "softphone.call.answered", "softphone.call.ended");
        JsonNode listed = Json.of(get("/api/call-log?limit=5", tokens.of("alice"))).get("items").get(0);
        assertThat(listed.get("id").asText()).isEqualTo(id);
        assertThat(listed.get("userName").asText()).isEqualTo("Alice Anders");
    }

    @Test
    void an_inbound_call_nobody_answers_becomes_missed_by_the_bpmn_timer_and_notifies_the_user() throws Exception {
        HttpResponse<String> ringing = report("bob", "in", "+493012345602", sip());
        String id = Json.of(ringing).get("id").asText();
        assertThat(processes(id)).isEqualTo(1);

        ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plusSeconds(46)));

        await().atMost(Duration.ofSeconds(30)).until(() -> "missed".equals(status(id)));
        await().atMost(Duration.ofSeconds(30)).until(() -> processes(id) == 0);
        JsonNode notification = missedCallNotice(id);
        assertThat(notification.get("title").asText()).isEqualTo("Missed call from +493012345602");
        assertThat(notification.get("data").get("reason").asText()).isEqualTo("no_answer");
        assertThat(events(id)).containsExactly("softphone.call.ringing", "softphone.call.ended", "softphone.call.missed");
        assertThat(jdbc.sql("select count(*) from outbox_event where type = 'notification.created' and data->'notification'->'data'->>'callLogId' = :id")
                .param("id", id).query(Long.class).single()).as("notification:new reaches the socket").isEqualTo(1);
        Routing routed = routing.route(TypedEvents.of("softphone.call.missed", eventData(id, "softphone.call.missed")));
        assertThat(routed.deliveries()).extracting(Delivery::event).containsExactly("softphone:missed");
        assertThat(routed.deliveries().get(0).rooms()).containsExactly(Delivery.userRoom(BOB));
        HttpResponse<String> late = post("/api/softphone/calls/" + id + "/answered", tokens.of("bob"), "{}");
        assertThat(late.statusCode()).as("answered after it was missed").isEqualTo(409);
    }

    @Test
    void an_inbound_call_answered_in_time_is_never_missed() throws Exception {
        String id = Json.of(report("bob", "in", "+493012345603", sip())).get("id").asText();

        HttpResponse<String> answered = post("/api/softphone/calls/" + id + "/answered", tokens.of("bob"), "{}");
        ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plusSeconds(60)));
        HttpResponse<String> ended = post("/api/softphone/calls/" + id + "/ended", tokens.of("bob"),
                Json.write(Map.of("status", "answered")));

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(processes(id)).isZero();
        assertThat(Json.of(ended).get("status").asText()).isEqualTo("answered");
        assertThat(Json.of(ended).get("durationSeconds").asLong()).isBetween(59L, 61L);
        assertThat(jdbc.sql("select count(*) from notification where data->>'callLogId' = :id").param("id", id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void the_in_out_missed_filters_and_the_kpis_match_a_hand_counted_fixture() throws Exception {
        Instant t0 = ClockUtil.now().toInstant().minusSeconds(3600);
        completed("dave", "out", "+493012345611", t0, "answered", 60);
        completed("dave", "out", "+493012345612", t0.plusSeconds(300), "answered", 120);
        completed("dave", "out", "+493012345613", t0.plusSeconds(600), "missed", 0);
        completed("dave", "in", "+493012345614", t0.plusSeconds(900), "answered", 30);
        completed("dave", "in", "+493012345615", t0.plusSeconds(1200), "declined", 0);
        completed("dave", "in", "+493012345616", t0.plusSeconds(1500), "missed", 0);
        String range = "&from=" + t0.minusSeconds(1) + "&to=" + t0.plusSeconds(1501);

        JsonNode all = kpis("dave", range);
        JsonNode in = kpis("dave", range + "&direction=in");
        JsonNode out = kpis("dave", range + "&direction=out");
        JsonNode missed = kpis("dave", range + "&status=missed");
        JsonNode asAdmin = Json.of(get("/api/call-log/kpis?userId=" + DAVE + range, tokens.of("admin")));

        assertThat(counts(all)).containsExactly(6L, 3L, 2L, 70L); // (60 + 120 + 30) / 3
        assertThat(counts(in)).containsExactly(3L, 1L, 1L, 30L);
        assertThat(counts(out)).containsExactly(3L, 2L, 1L, 90L);
        assertThat(counts(missed)).containsExactly(2L, 0L, 2L, 0L);
        assertThat(counts(asAdmin)).containsExactly(6L, 3L, 2L, 70L);
        assertThat(numbers("dave", range + "&direction=in"))
                .containsExactly("+493012345616", "+493012345615", "+493012345614"); // newest first
        assertThat(numbers("dave", range + "&status=missed")).containsExactly("+493012345616", "+493012345613");
        JsonNode firstPage = Json.of(get("/api/call-log?limit=4" + range, tokens.of("dave")));
        JsonNode secondPage = Json.of(get("/api/call-log?limit=4&cursor=" + firstPage.get("next").asText() + range,
                tokens.of("dave")));
        assertThat(firstPage.get("items")).hasSize(4);
        assertThat(secondPage.get("items")).hasSize(2);
        assertThat(secondPage.get("next").isNull()).isTrue();
    }

    @Test
    void alice_cannot_see_bobs_calls_and_an_admin_sees_both() throws Exception {
        String alices = Json.of(report("alice", "out", "+493012345621", sip())).get("id").asText();
        String bobs = Json.of(report("bob", "out", "+493012345622", sip())).get("id").asText();

        List<String> aliceSees = ids(get("/api/call-log?limit=100", tokens.of("alice")));
        HttpResponse<String> aliceAsksForBob = get("/api/call-log?userId=" + BOB, tokens.of("alice"));
        HttpResponse<String> aliceKpisForBob = get("/api/call-log/kpis?userId=" + BOB, tokens.of("alice"));
        HttpResponse<String> aliceEndsBobs = post("/api/softphone/calls/" + bobs + "/ended", tokens.of("alice"),
                Json.write(Map.of("status", "failed")));
        List<String> adminSees = ids(get("/api/call-log?limit=100", tokens.of("admin")));
        List<String> adminFiltersBob = ids(get("/api/call-log?limit=100&userId=" + BOB, tokens.of("admin")));

        assertThat(aliceSees).contains(alices).doesNotContain(bobs);
        assertThat(aliceAsksForBob.statusCode()).isEqualTo(403);
        assertThat(aliceKpisForBob.statusCode()).isEqualTo(403);
        assertThat(aliceEndsBobs.statusCode()).isEqualTo(404);
        assertThat(adminSees).contains(alices, bobs);
        assertThat(adminFiltersBob).contains(bobs).doesNotContain(alices);
    }

    @Test
    void bad_numbers_and_bad_input_are_400_naming_the_field() throws Exception {
        HttpResponse<String> letters = post("/api/softphone/calls", tokens.of("alice"),
                Json.write(Map.of("direction", "out", "remoteNumber", "12ab", "sipCallId", sip())));
        HttpResponse<String> tooShort = post("/api/softphone/calls", tokens.of("alice"),
                Json.write(Map.of("direction", "out", "remoteNumber", "+49 30", "sipCallId", sip())));
        HttpResponse<String> sideways = post("/api/softphone/calls", tokens.of("alice"),
                Json.write(Map.of("direction", "sideways", "remoteNumber", "+493012345631", "sipCallId", sip())));
        HttpResponse<String> noCallId = post("/api/softphone/calls", tokens.of("alice"),
                Json.write(Map.of("direction", "out", "remoteNumber", "+493012345631")));
        HttpResponse<String> badFilter = get("/api/call-log?direction=up", tokens.of("alice"));

        assertThat(List.of(letters, tooShort, sideways, noCallId, badFilter)).extracting(HttpResponse::statusCode)
                .containsOnly(400);
        assertThat(field(letters)).isEqualTo("remoteNumber");
        assertThat(field(tooShort)).isEqualTo("remoteNumber");
        assertThat(field(sideways)).isEqualTo("direction");
        assertThat(field(noCallId)).isEqualTo("sipCallId");
        assertThat(field(badFilter)).isEqualTo("direction");
        assertThat(jdbc.sql("select count(*) from call_log where user_id = :u and source = 'softphone'").param("u", ALICE)
                .query(Long.class).single()).isZero();
    }

    @Test
    void an_inbound_call_from_a_crm_contact_rings_with_the_contacts_id_and_name() throws Exception {
        TestCrm.contact("+493012345641", "crm-42", "Erika Mustermann");

        JsonNode row = Json.of(report("bob", "in", "+49 (30) 1234-5641", sip()));

        assertThat(row.get("contactId").asText()).isEqualTo("crm-42");
        assertThat(row.get("contactName").asText()).isEqualTo("Erika Mustermann");
        Map<String, Object> ringing = eventData(row.get("id").asText(), "softphone.call.ringing");
        assertThat(ringing).containsEntry("contactId", "crm-42").containsEntry("contactName", "Erika Mustermann");
        Routing routed = routing.route(TypedEvents.of("softphone.call.ringing", ringing));
        assertThat(routed.deliveries().get(0).event()).isEqualTo("softphone:incoming");
        assertThat(routed.deliveries().get(0).payload()).hasFieldOrPropertyWithValue("contactName", "Erika Mustermann");
    }

    @Test
    void a_crm_that_hangs_does_not_delay_the_ringing_event_past_the_budget() throws Exception {
        TestCrm.hangs("+493012345642", 5_000);
        TestCrm.fails("+493012345643");
        String bob = tokens.of("bob"); // not timed: the token comes from Keycloak
        HttpResponse<String> failed = report("bob", "in", "+493012345643", sip());

        long start = System.nanoTime();
        HttpResponse<String> hung = post("/api/softphone/calls", bob, Json.write(Map.of("direction", "in",
                "remoteNumber", "+493012345642", "sipCallId", sip())));
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(TestCrm.requests("+493012345642")).as("the CRM was asked").isEqualTo(1);
        assertThat(hung.statusCode()).isEqualTo(201);
        assertThat(tookMs).as("the CRM hangs 5 s; the budget is " + TestCrm.BUDGET_MS + " ms")
                .isGreaterThanOrEqualTo(TestCrm.BUDGET_MS).isLessThan(TestCrm.BUDGET_MS + 1_200);
        assertThat(Json.of(hung).get("contactId").isNull()).isTrue();
        assertThat(eventData(Json.of(hung).get("id").asText(), "softphone.call.ringing")).containsEntry("contactId", null);
        assertThat(failed.statusCode()).isEqualTo(201);
        assertThat(Json.of(failed).get("contactId").isNull()).isTrue();
    }

    // --- fixtures

    private HttpResponse<String> report(String user, String direction, String number, String sipCallId) throws Exception {
        HttpResponse<String> response = post("/api/softphone/calls", tokens.of(user),
                Json.write(Map.of("direction", direction, "remoteNumber", number, "sipCallId", sipCallId)));
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return response;
    }

    /** A call the softphone reported from start to end, with explicit times. */
    private void completed(String user, String direction, String number, Instant startedAt, String status, long talked)
            throws Exception {
        HttpResponse<String> started = post("/api/softphone/calls", tokens.of(user), Json.write(Map.of(
                "direction", direction, "remoteNumber", number, "sipCallId", sip(), "startedAt", startedAt.toString())));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String id = Json.of(started).get("id").asText();
        Map<String, Object> end = new HashMap<>(Map.of("status", status));
        if ("answered".equals(status)) {
            Instant answeredAt = startedAt.plusSeconds(5);
            end.put("answeredAt", answeredAt.toString());
            end.put("endedAt", answeredAt.plusSeconds(talked).toString());
        } else {
            end.put("endedAt", startedAt.plusSeconds(20).toString());
        }
        HttpResponse<String> ended = post("/api/softphone/calls/" + id + "/ended", tokens.of(user), Json.write(end));
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
    }

    private JsonNode kpis(String user, String query) throws Exception {
        HttpResponse<String> response = get("/api/call-log/kpis?" + query.substring(1), tokens.of(user));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.of(response);
    }

    private static List<Long> counts(JsonNode kpis) {
        return List.of(kpis.get("total").asLong(), kpis.get("answered").asLong(), kpis.get("missed").asLong(),
                kpis.get("averageDurationSeconds").asLong());
    }

    private List<String> numbers(String user, String query) throws Exception {
        return Json.of(get("/api/call-log?limit=50" + query, tokens.of(user))).get("items").findValuesAsText("number");
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.of(response).get("items").findValuesAsText("id");
    }

    private static String field(HttpResponse<String> response) {
        return Json.of(response).get("errors").get(0).get("field").asText();
    }

    private String status(String id) {
        return jdbc.sql("select status from call_log where id = :id").param("id", UUID.fromString(id)).query(String.class).single();
    }

    private long processes(String id) {
        return jdbc.sql("select count(*) from act_ru_execution where business_key_ = :id and parent_id_ is null")
                .param("id", id).query(Long.class).single();
    }

    private List<String> events(String id) {
        return jdbc.sql("select type from outbox_event where subject = :id order by position").param("id", id)
                .query(String.class).list();
    }

    private Map<String, Object> eventData(String id, String type) throws Exception {
        String data = jdbc.sql("select data::text from outbox_event where subject = :id and type = :t").param("id", id)
                .param("t", type).query(String.class).single();
        @SuppressWarnings("unchecked")
        Map<String, Object> map = new com.fasterxml.jackson.databind.ObjectMapper().readValue(data, Map.class);
        return map;
    }

    private JsonNode missedCallNotice(String callLogId) throws Exception {
        for (JsonNode n : Json.of(get("/api/notifications", tokens.of("bob")))) {
            if (n.get("type").asText().equals("softphone.missed") && n.get("data").get("callLogId").asText().equals(callLogId)) {
                return n;
            }
        }
        throw new AssertionError("no missed-call notification for " + callLogId);
    }

    private static String sip() {
        return UUID.randomUUID() + "@pbx.example.com";
    }
}
