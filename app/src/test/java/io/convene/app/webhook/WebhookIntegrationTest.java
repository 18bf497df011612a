package io.convene.app.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.convene.app.support.Json;
import io.convene.app.realtime.SocketClient;
import io.convene.app.support.MeetingFixtures;
import io.convene.api.realtime.RealtimeEvents;
import io.convene.api.realtime.SocketGateway;
import io.convene.processes.webhook.WebhookDeliveryProcess;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Webhooks on the real stack: registration, signed deliveries to a WireMock receiver, retries, SSRF, replay. */
class WebhookIntegrationTest extends MeetingFixtures {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    SocketGateway gateway;
    @Autowired
    RealtimeEvents realtimeEvents;

    private final List<SocketClient> sockets = new ArrayList<>();

    @Override
    protected JdbcClient jdbc() {
        return jdbc;
    }

    @BeforeEach
    void socketEventsConsumed() {
        await().atMost(Duration.ofSeconds(60)).until(realtimeEvents::isAssigned);
    }

    @AfterEach
    void meetingsGo() throws Exception {
        sockets.forEach(SocketClient::close);
        sockets.clear();
        deleteMeetingsMade(); // their reminders would fire in later tests that move Camunda's clock
    }

    @Test
    void a_meeting_created_by_alice_reaches_her_webhook_signed_so_that_an_independent_verifier_accepts_it() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        TestReceivers.SERVER.stubFor(WireMock.post(urlEqualTo(path)).willReturn(ok()));
        JsonNode webhook = register("alice", path, List.of("meeting.created"));
        String secret = webhook.get("secret").asText();

        String meetingId = createMeeting("alice", meeting("Signed"));

        LoggedRequest request = awaitRequests(path, 1).get(0);
        JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(request.getBodyAsString());
        assertThat(body.get("type").asText()).isEqualTo("meeting.created");
        assertThat(body.get("data").get("meetingId").asText()).isEqualTo(meetingId);
        assertThat(request.getHeader("webhook-id")).startsWith("msg_");
        assertThat(verifies(request, secret)).as("signature by an independent HMAC").isTrue();
        assertThat(verifies(request, "whsec_" + Base64.getEncoder().encodeToString(new byte[32]))).isFalse();
        assertThat(secret).startsWith("whsec_");
        HttpResponse<String> read = get("/api/webhooks/" + webhook.get("id").asText(), tokens.of("alice"));
        assertThat(Json.of(read).has("secret")).as("the secret is shown once").isFalse();
    }

    @Test
    void another_users_webhook_is_404_and_bob_does_not_receive_events_of_meetings_he_is_not_in() throws Exception {
        String bobPath = "/hooks/" + UUID.randomUUID();
        TestReceivers.SERVER.stubFor(WireMock.post(urlEqualTo(bobPath)).willReturn(ok()));
        JsonNode bobs = register("bob", bobPath, List.of("*"));
        String alicePath = "/hooks/" + UUID.randomUUID();
        TestReceivers.SERVER.stubFor(WireMock.post(urlEqualTo(alicePath)).willReturn(ok()));
        register("alice", alicePath, List.of("meeting.created"));

        String id = bobs.get("id").asText();
        for (String method : List.of("GET", "PATCH", "DELETE")) {
            HttpResponse<String> answer = send(method, "/api/webhooks/" + id, tokens.of("carol"), "{}");
            assertThat(answer.statusCode()).as(method).isEqualTo(404);
        }
        assertThat(get("/api/webhooks/" + id + "/deliveries", tokens.of("carol")).statusCode()).isEqualTo(404);
        assertThat(get("/api/webhooks/" + id, tokens.of("admin")).statusCode()).as("admins see all").isEqualTo(200);
        createMeeting("alice", meeting("Not Bob's", CAROL));

        awaitRequests(alicePath, 1);
        assertThat(TestReceivers.SERVER.findAll(postRequestedFor(urlEqualTo(bobPath)))).isEmpty();
    }

    @Test
    void a_receiver_that_fails_with_500_then_recovers_gets_the_same_webhook_id_on_the_retry() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        TestReceivers.SERVER.stubFor(WireMock.post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody("boom")).willSetStateTo("recovered"));
        TestReceivers.SERVER.stubFor(WireMock.post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("recovered")
                .willReturn(ok()));
        JsonNode webhook = register("alice", path, List.of("meeting.created"));

        createMeeting("alice", meeting("Flaky receiver"));
        awaitRequests(path, 1);
        ProcessInstance retrying = awaitRetryProcess(webhook.get("id").asText());
        fireBackOff(retrying);

        List<LoggedRequest> requests = awaitRequests(path, 2);
        assertThat(requests.get(1).getHeader("webhook-id")).isEqualTo(requests.get(0).getHeader("webhook-id"));
        JsonNode delivery = awaitDelivery(webhook.get("id").asText(), "delivered");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivery.get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(500);
        assertThat(delivery.get("attemptLog").get(0).get("response").asText()).isEqualTo("boom");
        assertThat(delivery.get("attemptLog").get(1).get("statusCode").asInt()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook",
            "http://[::ffff:127.0.0.1]/hook", "http://127.0.0.1:1/hook", "http://localhost:1/hook",
            "http://2130706433/hook", "ftp://example.com/hook"})
    void a_url_to_a_private_loopback_or_metadata_address_is_refused_at_registration(String url) throws Exception {
        HttpResponse<String> refused = post("/api/webhooks", tokens.of("alice"),
                Json.write(Map.of("url", url, "eventTypes", List.of("*"))));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(refused.body()).contains("\"url\"");
    }

    @Test
    void a_redirect_to_a_private_address_is_not_followed_but_recorded_as_a_failed_attempt() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        String target = "/hooks/" + UUID.randomUUID();
        TestReceivers.SERVER.stubFor(WireMock.post(urlEqualTo(path)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", TestReceivers.url(target))));
        TestReceivers.SERVER.stubFor(WireMock.post(urlEqualTo(target)).willReturn(ok()));
        JsonNode webhook = register("alice", path, List.of("meeting.created"));

        createMeeting("alice", meeting("Redirected"));

        JsonNode delivery = awaitDelivery(webhook.get("id").asText(), "retrying");
        assertThat(delivery.get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(302);
        assertThat(TestReceivers.SERVER.findAll(postRequestedFor(urlEqualTo(target)))).isEmpty();
    }

    @Test
    void a_410_disables_the_webhook_at_once_notifies_its_owner_and_later_events_are_skipped_until_replayed()
            throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        TestReceivers.SERVER.stubFor(WireMock.post(urlEqualTo(path)).willReturn(aResponse().withStatus(410)));
        JsonNode webhook = register("alice", path, List.of("meeting.created"));
        String id = webhook.get("id").asText();
        SocketClient aliceSocket = SocketClient.connect("http://127.0.0.1:" + gateway.port(), tokens.of("alice"), "websocket");
        sockets.add(aliceSocket);
        aliceSocket.awaitEvent("presence:update", d -> true); // connected, in her room

        createMeeting("alice", meeting("Gone"));
        JsonNode pushed = aliceSocket.awaitEvent("webhook:disabled", d -> d.path("webhookId").asText().equals(id))
                .path("data");
        assertThat(pushed.path("reason").asText()).isEqualTo("gone");
        assertThat(pushed.path("url").asText()).endsWith(path);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !Json.of(get("/api/webhooks/" + id, tokens.of("alice"))).get("active").asBoolean());
        JsonNode disabled = Json.of(get("/api/webhooks/" + id, tokens.of("alice")));
        assertThat(disabled.get("disabledReason").asText()).isEqualTo("gone");
        JsonNode notices = Json.of(get("/api/notifications", tokens.of("alice")));
        assertThat(notices.findValuesAsText("type")).contains("webhook.disabled");
        Instant since = Instant.now(); // after the failed delivery: only the skipped one is replayed
        createMeeting("alice", meeting("While disabled"));
        awaitDelivery(id, "skipped");
        assertThat(post("/api/webhooks/" + id + "/replay", tokens.of("alice"),
                Json.write(Map.of("since", since.toString()))).statusCode()).as("disabled: enable first").isEqualTo(409);

        TestReceivers.SERVER.stubFor(WireMock.post(urlEqualTo(path)).willReturn(ok()));
        assertThat(send("PATCH", "/api/webhooks/" + id, tokens.of("alice"), "{\"active\":true}").statusCode()).isEqualTo(200);
        HttpResponse<String> replayed = post("/api/webhooks/" + id + "/replay", tokens.of("alice"),
                Json.write(Map.of("since", since.toString())));

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(202);
        assertThat(Json.of(replayed).get("count").asInt()).isEqualTo(1);
        awaitDelivery(id, "delivered");
    }

    @Test
    void after_a_rotation_deliveries_carry_two_signatures_one_per_secret() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        TestReceivers.SERVER.stubFor(WireMock.post(urlEqualTo(path)).willReturn(ok()));
        JsonNode webhook = register("alice", path, List.of("meeting.created"));
        String old = webhook.get("secret").asText();

        HttpResponse<String> rotated = post("/api/webhooks/" + webhook.get("id").asText() + "/rotate-secret",
                tokens.of("alice"), null);
        String fresh = Json.of(rotated).get("secret").asText();
        createMeeting("alice", meeting("Rotated"));

        LoggedRequest request = awaitRequests(path, 1).get(0);
        assertThat(fresh).isNotEqualTo(old);
        assertThat(request.getHeader("webhook-signature").split(" ")).hasSize(2);
        assertThat(verifies(request, fresh)).isTrue();
        assertThat(verifies(request, old)).isTrue();
        assertThat(Json.of(rotated).get("previousSecretValidUntil").asText()).isNotBlank();
    }

    @Test
    void bad_registrations_are_problems_naming_the_field() throws Exception {
        HttpResponse<String> noTypes = post("/api/webhooks", tokens.of("alice"),
                Json.write(Map.of("url", TestReceivers.url("/x"), "eventTypes", List.of())));
        HttpResponse<String> unknown = post("/api/webhooks", tokens.of("alice"),
                Json.write(Map.of("url", TestReceivers.url("/x"), "eventTypes", List.of("meeting.exploded"))));
        HttpResponse<String> orgWide = post("/api/webhooks", tokens.of("alice"),
                Json.write(Map.of("url", TestReceivers.url("/x"), "eventTypes", List.of("*"), "orgWide", true)));

        assertThat(noTypes.statusCode()).isEqualTo(400);
        assertThat(noTypes.body()).contains("eventTypes");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("meeting.exploded");
        assertThat(orgWide.statusCode()).as("org-wide webhooks are for admins").isEqualTo(403);
    }

    // --- helpers

    private JsonNode register(String user, String path, List<String> types) throws Exception {
        HttpResponse<String> created = post("/api/webhooks", tokens.of(user),
                Json.write(Map.of("url", TestReceivers.url(path), "eventTypes", types)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.of(created);
    }

    private Map<String, Object> meeting(String title) {
        return meeting(title, BOB);
    }

    private Map<String, Object> meeting(String title, String participant) {
        return Map.of("title", title, "startTime", Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES)
                .toString(), "durationMinutes", 30, "provider", "INTERNAL", "participantIds", List.of(participant));
    }

    private List<LoggedRequest> awaitRequests(String path, int count) {
        List<LoggedRequest> requests = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            requests.clear();
            requests.addAll(TestReceivers.SERVER.findAll(postRequestedFor(urlEqualTo(path))));
            return requests.size() >= count;
        });
        return requests;
    }

    private ProcessInstance awaitRetryProcess(String webhookId) {
        ProcessInstance[] found = new ProcessInstance[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found[0] = runtime.createProcessInstanceQuery().processDefinitionKey(WebhookDeliveryProcess.KEY)
                    .variableValueEquals(WebhookDeliveryProcess.Variables.WEBHOOK, webhookId).singleResult();
            return found[0] != null;
        });
        return found[0];
    }

    /** The back-off timer of the retry process, run now instead of in 5 s (no sleeps, no clock moves). */
    private void fireBackOff(ProcessInstance instance) {
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(Duration.between(Instant.now(), timer.getDuedate().toInstant())).isLessThanOrEqualTo(Duration.ofSeconds(5));
        management.executeJob(timer.getId());
    }

    private JsonNode awaitDelivery(String webhookId, String state) throws Exception {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode page = Json.of(get("/api/webhooks/" + webhookId + "/deliveries", tokens.of("alice")));
            for (JsonNode delivery : page.get("deliveries")) {
                if (delivery.get("state").asText().equals(state)) {
                    found[0] = delivery;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Standard Webhooks v1, verified without the code that signs: HMAC-SHA256 over id.timestamp.body. */
    private static boolean verifies(LoggedRequest request, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = request.getHeader("webhook-id") + "." + request.getHeader("webhook-timestamp") + "."
                + request.getBodyAsString();
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(request.getHeader("webhook-timestamp")));
        return age < 300 && List.of(request.getHeader("webhook-signature").split(" ")).contains(expected);
    }
}
