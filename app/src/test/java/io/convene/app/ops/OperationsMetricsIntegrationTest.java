package io.convene.app.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.convene.app.ops.Scrape.label;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.convene.app.support.Json;
import io.convene.app.support.StackTestBase;
import io.convene.app.webhook.TestReceivers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operations counters on the real stack, read from the Prometheus scrape as Prometheus reads
 * them: calls placed, rings by outcome, webhook attempts by outcome; and the Grafana dashboard
 * (docs/grafana/convene-timers.json) asks only for metrics the app exposes.
 */
class OperationsMetricsIntegrationTest extends StackTestBase {

    static final Path DASHBOARD = Path.of("../docs/grafana/convene-timers.json");

    @Autowired
    JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> calls = new ArrayList<>();
    private final List<String> webhooks = new ArrayList<>();
    private final List<String> sipCallIds = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (String call : calls) { // ended or deleted by the test: their processes clean up; anything left goes now
            send("DELETE", "/api/calls/" + call, tokens.of("alice"), null);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> calls.stream().allMatch(this::gone));
        for (String webhook : webhooks) {
            send("DELETE", "/api/webhooks/" + webhook, tokens.of("alice"), null);
        }
        for (String sipCallId : sipCallIds) {
            jdbc.sql("delete from call_log where sip_call_id = :s").param("s", sipCallId).update();
        }
        if (!calls.isEmpty()) {
            // what outlives a call by design (missed-call and "declined" notices, its summary and call-log rows) goes
            // too: a later test that moves the clock past the summaries' 90 days would find notices of no call
            jdbc.sql("delete from notification where meeting_id in (:c)").param("c", calls).update();
            jdbc.sql("delete from call_log where meeting_id in (:c)").param("c", calls).update();
            jdbc.sql("delete from meeting_summary_participant where meeting_id in (:c)").param("c", calls).update();
            jdbc.sql("delete from meeting_summary where meeting_id in (:c)").param("c", calls).update();
        }
        ClockUtil.reset();
    }

    @Test
    void calls_placed_rings_by_outcome_and_webhook_attempts_by_outcome_are_counted_once_each() throws Exception {
        String delivered = receiver(200);
        String gone = receiver(410);
        webhook(delivered, "call.started");
        webhook(gone, "call.declined");
        online("alice", "bob", "carol", "dave");
        Scrape before = scrape();

        String answeredThenEnded = call(BOB, CAROL);                  // Bob answers; Carol's phone still rings when Alice ends it
        assertThat(act("bob", "accept", answeredThenEnded)).isEqualTo(200);
        assertThat(post("/api/calls/" + answeredThenEnded + "/end", tokens.of("alice"), null).statusCode()).isEqualTo(200);
        String declined = call(BOB);                                  // Bob declines
        assertThat(act("bob", "decline", declined)).isEqualTo(200);
        String deleted = call(DAVE);                                  // deleted while Dave's phone rings
        assertThat(send("DELETE", "/api/calls/" + deleted, tokens.of("alice"), null).statusCode()).isEqualTo(204);
        String softphoneCall = UUID.randomUUID() + "@pbx.example.com"; // an inbound softphone call rings Bob
        sipCallIds.add(softphoneCall);
        HttpResponse<String> inbound = post("/api/softphone/calls", tokens.of("bob"),
                Json.write(Map.of("direction", "in", "remoteNumber", "+493012345699", "sipCallId", softphoneCall)));
        assertThat(inbound.statusCode()).as(inbound.body()).isEqualTo(201);
        post("/api/softphone/calls", tokens.of("bob"),                // reported twice: the same call
                Json.write(Map.of("direction", "in", "remoteNumber", "+493012345699", "sipCallId", softphoneCall)));
        post("/api/softphone/calls/" + Json.of(inbound).get("id").asText() + "/ended", tokens.of("bob"),
                Json.write(Map.of("status", "declined")));
        Scrape answered = scrape();

        assertThat(delta(before, answered, "convene_calls_placed_total", label("kind", "instant"))).isEqualTo(3);
        assertThat(delta(before, answered, "convene_calls_placed_total", label("kind", "inbound"))).isEqualTo(1);
        assertThat(delta(before, answered, "convene_calls_rings_total", label("outcome", "answered"))).isEqualTo(1);
        assertThat(delta(before, answered, "convene_calls_rings_total", label("outcome", "declined"))).isEqualTo(1);
        assertThat(delta(before, answered, "convene_calls_rings_total", label("outcome", "cancelled")))
                .as("Carol's ring (the call ended) and Dave's (the call deleted)").isEqualTo(2);

        String timesOut = call(CAROL);                                // nobody picks up within PT30S
        ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plusSeconds(31)));
        await().atMost(Duration.ofSeconds(30)).until(() -> missedCalls(timesOut) == 1);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                delta(before, scrape(), "convene_calls_rings_total", label("outcome", "timed_out")) >= 1
                && delta(before, scrape(), "convene_webhooks_attempts_total", label("outcome", "gone")) >= 1
                && delta(before, scrape(), "convene_webhooks_attempts_total", label("outcome", "delivered")) >= 4);
        Scrape after = scrape();
        assertThat(TestReceivers.SERVER.findAll(postRequestedFor(urlEqualTo(delivered)))).hasSize(4);
        assertThat(TestReceivers.SERVER.findAll(postRequestedFor(urlEqualTo(gone)))).hasSize(1);
        assertThat(delta(before, after, "convene_webhooks_attempts_total", label("outcome", "gone"),
                label("attempt", "first"))).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "convene_calls_placed_total", label("kind", "instant"))).isEqualTo(4);
        assertThat(delta(before, after, "convene_calls_rings_total", label("outcome", "declined"))).isEqualTo(1);
    }

    @Test
    void every_metric_the_grafana_dashboard_asks_for_is_one_the_app_exposes() throws Exception {
        String hook = receiver(200);
        webhook(hook, "call.started");
        online("alice", "bob");
        String probe = json.readTree(post("/api/ops/timer-probes", tokens.of("admin"), null).body()).get("probeId").asText();
        String call = call(BOB);
        assertThat(send("DELETE", "/api/calls/" + call, tokens.of("alice"), null).statusCode()).isEqualTo(204);
        ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plusSeconds(11))); // the probe's PT10S
        await().atMost(Duration.ofSeconds(30)).until(() -> "fired".equals(
                json.readTree(get("/api/ops/timer-probes/" + probe, tokens.of("admin")).body()).get("status").asText()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !TestReceivers.SERVER.findAll(postRequestedFor(urlEqualTo(hook))).isEmpty());
        JsonNode dashboard = json.readTree(Files.readString(DASHBOARD));

        Set<String> asked = new HashSet<>();
        expressions(dashboard).forEach(expr -> asked.addAll(metricNames(expr)));
        Set<String> exposed = scrape().names();

        assertThat(asked).contains("convene_timer_lateness_seconds_bucket", "convene_timer_lateness_seconds_count",
                "convene_timer_lateness_seconds_max", "convene_calls_placed_total", "convene_calls_rings_total",
                "convene_webhooks_attempts_total");
        assertThat(exposed).containsAll(asked);
        for (String executor : new String[] {"executor_active_threads", "executor_pool_size_threads", "executor_queued_tasks"}) {
            assertThat(scrape().has(executor, label("name", "camundaTaskExecutor"))).as(executor).isTrue();
        }
        // the probe's timer is in the histogram (tagged process, and timer once the engine records every timer)
        assertThat(scrape().value("convene_timer_lateness_seconds_count", label("process", "timer-probe"))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void the_grafana_dashboard_is_importable_with_a_prometheus_data_source_input() throws Exception {
        JsonNode dashboard = json.readTree(Files.readString(DASHBOARD));

        assertThat(dashboard.get("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        assertThat(dashboard.get("uid").asText()).isEqualTo("convene-timers");
        assertThat(dashboard.at("/__inputs/0/name").asText()).isEqualTo("DS_PROMETHEUS");
        assertThat(dashboard.at("/__inputs/0/pluginId").asText()).isEqualTo("prometheus");
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt())).as("unique panel id %s", panel.get("id")).isTrue();
            assertThat(panel.has("gridPos")).isTrue();
            if (!panel.get("type").asText().equals("row")) {
                assertThat(panel.at("/datasource/uid").asText()).as(panel.get("title").asText()).isEqualTo("${DS_PROMETHEUS}");
                panel.get("targets").forEach(target ->
                        assertThat(target.at("/datasource/uid").asText()).isEqualTo("${DS_PROMETHEUS}"));
            }
        }
        assertThat(expressions(dashboard)).anySatisfy(expr -> assertThat(expr)
                .contains("histogram_quantile(0.99, sum by (le, process, timer) (rate(convene_timer_lateness_seconds_bucket"));
        assertThat(expressions(dashboard)).anySatisfy(expr -> assertThat(expr)
                .contains("histogram_quantile(0.5, sum by (le, process, timer) (rate(convene_timer_lateness_seconds_bucket"));
    }

    // --- the dashboard's PromQL

    /** Every query of the dashboard: its panels' targets and its variables' queries. */
    static List<String> expressions(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> exprs.add(expr.asText()));
        dashboard.at("/templating/list").forEach(variable -> exprs.add(variable.at("/query/query").asText()));
        return exprs;
    }

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "offset", "and", "or", "unless");

    /** The metric names a PromQL expression reads: identifiers that are not functions, keywords, labels or strings. */
    static Set<String> metricNames(String expr) {
        Set<String> names = new HashSet<>();
        Matcher labelValues = LABEL_VALUES.matcher(expr);
        if (labelValues.find()) {
            names.add(labelValues.group(1));
            return names;
        }
        String bare = expr.replaceAll("\"[^\"]*\"", "")           // strings
                .replaceAll("\\{[^}]*}", "")                        // label matchers
                .replaceAll("\\[[^]]*]", "")                        // ranges
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", ""); // label lists
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            boolean function = bare.substring(identifier.end()).matches("(?s)\\s*\\(.*");
            if (!function && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    @Test
    void metric_names_are_read_from_promql_without_functions_labels_or_ranges() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le, process, timer) (rate(convene_timer_lateness_seconds_bucket"
                + "{instance=~\"$instance\", process=\"call-ring\"}[$__rate_interval])))"))
                .containsExactly("convene_timer_lateness_seconds_bucket");
        assertThat(metricNames("sum(rate(a_total[5m])) / ignoring(x) b_total > bool 0"))
                .containsExactlyInAnyOrder("a_total", "b_total");
        assertThat(metricNames("label_values(convene_calls_placed_total, instance)")).containsExactly("convene_calls_placed_total");
    }

    // --- fixtures

    private Scrape scrape() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", tokens.of("admin"));
        assertThat(response.statusCode()).isEqualTo(200);
        return new Scrape(response.body());
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private String receiver(int status) {
        String path = "/hooks/" + UUID.randomUUID();
        TestReceivers.SERVER.stubFor(WireMock.post(urlEqualTo(path)).willReturn(status == 200 ? ok() : aResponse().withStatus(status)));
        return path;
    }

    private void webhook(String path, String eventType) throws Exception {
        HttpResponse<String> created = post("/api/webhooks", tokens.of("alice"),
                Json.write(Map.of("url", TestReceivers.url(path), "eventTypes", List.of(eventType))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        webhooks.add(Json.of(created).get("id").asText());
    }

    private void online(String... users) throws Exception {
        for (String user : users) {
            assertThat(post("/api/presence/heartbeat", tokens.of(user), null).statusCode()).isEqualTo(204);
        }
    }

    /** Alice calls {@code callees} (all online, so all rung). */
    private String call(String... callees) throws Exception {
        HttpResponse<String> response = post("/api/calls/instant", tokens.of("alice"),
                Json.write(Map.of("participantIds", List.of(callees))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode call = Json.of(response);
        assertThat(call.get("ringing")).hasSize(callees.length);
        String id = call.get("meetingId").asText();
        calls.add(id);
        return id;
    }

    private int act(String user, String action, String callId) throws Exception {
        return post("/api/calls/" + action, tokens.of(user), Json.write(Map.of("meetingId", callId))).statusCode();
    }

    private long missedCalls(String callId) {
        return jdbc.sql("select count(*) from outbox_event where subject = :c and type = 'call.missed'")
                .param("c", callId).query(Long.class).single();
    }

    private boolean gone(String callId) {
        return jdbc.sql("select count(*) from meeting where id = :c").param("c", callId).query(Long.class).single() == 0
                && jdbc.sql("select count(*) from act_ru_execution where business_key_ = :c")
                .param("c", callId).query(Long.class).single() == 0;
    }
}
