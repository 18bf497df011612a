package io.convene.app.recording;

import io.convene.app.support.TypedEvents;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.convene.app.support.Json;
import io.convene.app.support.MeetingFixtures;
import io.convene.app.webhook.TestReceivers;
import io.convene.application.realtime.Delivery;
import io.convene.application.realtime.EventRouting;
import io.convene.application.realtime.Routing;
import io.convene.embedded.EmbeddedS3Control;
import io.convene.integration.storage.ObjectStorage;
import io.convene.processes.recording.RecordingFinalisationProcess;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recordings on the real stack: chunks streamed through the API into s3proxy with the MinIO
 * client, the recorder's client-credentials token from the real Keycloak, the
 * recording-finalisation process on the real engine, recording.ready through the outbox.
 */
class RecordingIntegrationTest extends MeetingFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectStorage storage;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    EventRouting routing;

    private String recorder;
    private String meetingId;

    @Override
    protected JdbcClient jdbc() {
        return jdbc;
    }

    @BeforeEach
    void aliceRecordsAMeetingWithManagerBobAndMemberCarol() throws Exception {
        recorder = recorderToken();
        meetingId = createMeeting("alice", Map.of("title", "Recorded review", "startTime",
                Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES).toString(), "durationMinutes", 30,
                "provider", "JITSI", "recordingEnabled", true, "participantIds", List.of(BOB, CAROL)));
        HttpResponse<String> role = post("/api/meetings/" + meetingId + "/roles", tokens.of("alice"),
                Json.write(Map.of("userId", BOB, "roleId", "manager")));
        assertThat(role.statusCode()).as(role.body()).isEqualTo(200);
    }

    @AfterEach
    void cleanUp() throws Exception {
        embedded.s3().orElseThrow().startServer(); // a test that stopped it and failed leaves it up again
        send("DELETE", "/api/meetings/" + meetingId + "/recording", tokens.of("alice"), null);
        // its process deletes it (and withdraws a failure notice) in a job: wait, so no later test sees it
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from meeting_recording where meeting_id = :m").param("m", meetingId).query(Long.class).single() == 0);
        deleteMeetingsMade();
    }

    @Test
    void three_chunks_one_of_them_sent_twice_make_a_card_of_three_chunks_with_their_size_and_duration() throws Exception {
        byte[][] chunks = {bytes(1, 300_000), bytes(2, 200_000), bytes(3, 123_457)};

        assertThat(putChunk(0, chunks[0], 10_000, recorder).statusCode()).isEqualTo(201);
        HttpResponse<String> second = putChunk(1, chunks[1], 10_000, recorder);
        HttpResponse<String> again = putChunk(1, chunks[1], 10_000, recorder); // the recorder's retry
        HttpResponse<String> other = putChunk(1, chunks[2], 10_000, recorder);
        HttpResponse<String> third = putChunk(2, chunks[2], 4_321, tokens.of("bob")); // a manager may upload too

        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).as("same bytes again").isEqualTo(200);
        assertThat(Json.of(again).get("sha256").asText()).isEqualTo(sha256(chunks[1]));
        assertThat(other.statusCode()).as("other bytes for a taken sequence").isEqualTo(409);
        assertThat(third.statusCode()).as(third.body()).isEqualTo(201);
        JsonNode card = Json.of(get("/api/meetings/" + meetingId + "/recording", tokens.of("carol")));
        assertThat(card.get("status").asText()).isEqualTo("recording");
        assertThat(card.get("chunkCount").asInt()).isEqualTo(3);
        assertThat(card.get("totalSizeBytes").asLong()).isEqualTo(300_000 + 200_000 + 123_457);
        assertThat(card.get("durationMs").asLong()).isEqualTo(24_321);
        assertThat(card.get("format").asText()).isEqualTo("webm");
        assertThat(card.get("startedBy").asText()).isEqualTo(subject(recorder));
        assertThat(storage.keys(prefix())).as("one object per chunk: the retry stored nothing").hasSize(3);
    }

    @Test
    void a_chunk_whose_checksum_does_not_match_is_400_naming_the_header_and_nothing_is_stored() throws Exception {
        byte[] chunk = bytes(4, 100_000);

        HttpResponse<String> badSha = send(chunkRequest(0, chunk, "1000", recorder)
                .header("X-Checksum-SHA256", sha256(bytes(5, 100_000))));
        HttpResponse<String> badMd5 = send(chunkRequest(0, chunk, "1000", recorder)
                .header("Content-MD5", Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(new byte[1]))));

        assertThat(badSha.statusCode()).isEqualTo(400);
        assertThat(Json.of(badSha).get("errors").get(0).get("field").asText()).isEqualTo("X-Checksum-SHA256");
        assertThat(badMd5.statusCode()).isEqualTo(400);
        assertThat(Json.of(badMd5).get("errors").get(0).get("field").asText()).isEqualTo("Content-MD5");
        assertThat(storage.keys("recordings/" + meetingId + "/")).as("no object").isEmpty();
        assertThat(get("/api/meetings/" + meetingId + "/recording", tokens.of("alice")).statusCode())
                .as("no recording").isEqualTo(404);
        HttpResponse<String> good = send(chunkRequest(0, chunk, "1000", recorder).header("Content-MD5",
                Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(chunk))));
        assertThat(good.statusCode()).as(good.body()).isEqualTo(201);
    }

    /**
     * {@code curl --data-binary} sends {@code application/x-www-form-urlencoded} unless told
     * otherwise: such a chunk is a chunk like any other — streamed, checked — never read as a form
     * (Spring's form filter would have read the whole body into memory and failed with a 500).
     */
    @Test
    void a_chunk_sent_as_a_form_content_type_is_streamed_and_checked_like_any_other() throws Exception {
        byte[] chunk = bytes(7, 300_000);

        HttpResponse<String> bad = send(chunkRequest(0, chunk, "1000", recorder)
                .setHeader("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Checksum-SHA256", sha256(bytes(8, 300_000))));
        HttpResponse<String> good = send(chunkRequest(0, chunk, "1000", recorder)
                .setHeader("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Checksum-SHA256", sha256(chunk)));

        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(Json.of(bad).get("errors").get(0).get("field").asText()).isEqualTo("X-Checksum-SHA256");
        assertThat(good.statusCode()).as(good.body()).isEqualTo(201);
        assertThat(Json.of(good).get("sizeBytes").asLong()).isEqualTo(chunk.length);
        assertThat(Json.of(get("/api/meetings/" + meetingId + "/recording", tokens.of("alice"))).get("chunkCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void outsiders_get_404_members_403_and_a_meeting_that_does_not_record_409() throws Exception {
        byte[] chunk = bytes(6, 1000);
        assertThat(putChunk(0, chunk, 500, recorder).statusCode()).isEqualTo(201);

        assertThat(putChunk(1, chunk, 500, tokens.of("dave")).statusCode()).isEqualTo(404);
        assertThat(get("/api/meetings/" + meetingId + "/recording", tokens.of("dave")).statusCode()).isEqualTo(404);
        assertThat(get("/api/meetings/" + meetingId + "/recording/playback", tokens.of("dave")).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/meetings/" + meetingId + "/recording", tokens.of("dave"), null).statusCode()).isEqualTo(404);
        assertThat(putChunk(1, chunk, 500, tokens.of("carol")).statusCode()).as("a member").isEqualTo(403);
        assertThat(send("DELETE", "/api/meetings/" + meetingId + "/recording", tokens.of("bob"), null).statusCode())
                .as("only the owner deletes").isEqualTo(403);
        assertThat(get("/api/meetings/" + meetingId + "/recording", tokens.of("carol")).statusCode()).isEqualTo(200);
        String unrecorded = createMeeting("alice", Map.of("title", "Not recorded", "startTime",
                Instant.now().plus(1, ChronoUnit.DAYS).toString(), "provider", "JITSI"));
        HttpResponse<String> refused = send(chunkRequest(unrecorded, 0, chunk, "500", recorder).header("X-Checksum-SHA256", sha256(chunk)));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        HttpResponse<String> noDuration = send(chunkRequest(1, chunk, null, recorder).header("X-Checksum-SHA256", sha256(chunk)));
        assertThat(noDuration.statusCode()).isEqualTo(400);
        assertThat(Json.of(noDuration).get("errors").get(0).get("field").asText()).isEqualTo("X-Chunk-Duration-Ms");
    }

    @Test
    void when_the_meeting_ends_the_recording_becomes_ready_recording_ready_goes_out_and_a_participant_plays_it_until_the_url_expires()
            throws Exception {
        String hook = "/hooks/" + UUID.randomUUID();
        TestReceivers.SERVER.stubFor(WireMock.post(urlEqualTo(hook)).willReturn(ok()));
        HttpResponse<String> registered = post("/api/webhooks", tokens.of("carol"),
                Json.write(Map.of("url", TestReceivers.url(hook), "eventTypes", List.of("recording.ready"))));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        byte[][] chunks = {bytes(7, 70_000), bytes(8, 80_000)};
        putChunk(0, chunks[0], 2_000, recorder);
        putChunk(1, chunks[1], 3_000, recorder);

        assertThat(post("/api/meetings/" + meetingId + "/join", tokens.of("alice"), null).statusCode()).isEqualTo(200);
        assertThat(post("/api/meetings/" + meetingId + "/end", tokens.of("alice"), null).statusCode()).isEqualTo(200);

        JsonNode card = awaitStatus("ready");
        // everyone left before the scheduled end: the meeting was cleaned up at once; its recording stays
        assertThat(get("/api/meetings/" + meetingId, tokens.of("carol")).statusCode()).isEqualTo(404);
        assertThat(get("/api/meetings/" + meetingId + "/recording", tokens.of("carol")).statusCode()).isEqualTo(200);
        JsonNode manifest = JSON.readTree(storage.get(prefix() + "manifest.json"));
        assertThat(manifest.get("chunks")).extracting(c -> c.get("sequence").asInt()).containsExactly(0, 1);
        assertThat(manifest.get("chunks").get(1).get("offsetMs").asLong()).isEqualTo(2_000);
        assertThat(manifest.get("chunks").get(1).get("sha256").asText()).isEqualTo(sha256(chunks[1]));
        // recording.ready: on Kafka (the relay stamps what Kafka acknowledged), to the webhook, to the sockets
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from outbox_event where type = 'recording.ready' and subject = :m and published_at is not null""")
                .param("m", meetingId).query(Long.class).single() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !TestReceivers.SERVER.findAll(postRequestedFor(urlEqualTo(hook))).isEmpty());
        JsonNode delivered = JSON.readTree(TestReceivers.SERVER.findAll(postRequestedFor(urlEqualTo(hook))).get(0).getBodyAsString());
        assertThat(delivered.get("type").asText()).isEqualTo("recording.ready");
        assertThat(delivered.get("data").get("recordingId").asText()).isEqualTo(card.get("recordingId").asText());
        Routing sockets = routing.route(TypedEvents.of("recording.ready", JSON.convertValue(delivered.get("data"), Map.class)));
        assertThat(sockets.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.event()).isEqualTo("recording:ready");
            assertThat(d.rooms()).contains(Delivery.userRoom(ALICE), Delivery.userRoom(BOB), Delivery.userRoom(CAROL));
        });

        Instant asked = Instant.now();
        HttpResponse<String> playback = get("/api/meetings/" + meetingId + "/recording/playback", tokens.of("carol"));
        assertThat(playback.statusCode()).as(playback.body()).isEqualTo(200);
        JsonNode urls = Json.of(playback);
        assertThat(Instant.parse(urls.get("expiresAt").asText())).isBetween(asked.plusSeconds(3), asked.plusSeconds(6));
        URI first = URI.create(urls.get("chunks").get(0).get("url").asText());
        HttpResponse<byte[]> played = http.send(HttpRequest.newBuilder(first).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(played.statusCode()).isEqualTo(200);
        assertThat(played.body()).isEqualTo(chunks[0]);
        HttpResponse<byte[]> manifestByUrl = http.send(HttpRequest.newBuilder(URI.create(urls.get("manifestUrl").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(JSON.readTree(manifestByUrl.body()).get("chunkCount").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() ->
                http.send(HttpRequest.newBuilder(first).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 403);
        assertThat(get("/api/meetings/" + meetingId + "/recording/playback", tokens.of("dave")).statusCode()).isEqualTo(404);
    }

    @Test
    void with_the_storage_stopped_during_finalisation_nothing_is_marked_ready_and_it_completes_once_the_storage_is_back()
            throws Exception {
        putChunk(0, bytes(9, 50_000), 1_000, recorder);
        putChunk(1, bytes(10, 60_000), 1_000, recorder);
        EmbeddedS3Control s3 = embedded.s3().orElseThrow();
        String instance = processInstance();

        s3.stopServer();
        try {
            management.executeJob(job(instance, RecordingFinalisationProcess.Elements.QUIET_PERIOD).getId()); // "2 min later"
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Job verify = job(instance, RecordingFinalisationProcess.Elements.VERIFY);
                return verify != null && verify.getExceptionMessage() != null;
            });
            Job failed = job(instance, RecordingFinalisationProcess.Elements.VERIFY);
            assertThat(failed.getRetries()).as("retried on the model's back-off, not an incident yet").isPositive();
            assertThat(Duration.between(Instant.now(), failed.getDuedate().toInstant())).isBetween(Duration.ofSeconds(10), Duration.ofMinutes(1));
            assertThat(Json.of(get("/api/meetings/" + meetingId + "/recording", tokens.of("alice"))).get("status").asText())
                    .isEqualTo("processing");
            assertThat(jdbc.sql("select count(*) from outbox_event where type = 'recording.ready' and subject = :m")
                    .param("m", meetingId).query(Long.class).single()).isZero();
            assertThat(putChunk(2, bytes(9, 100), 1_000, recorder).statusCode()).as("after finalisation began").isEqualTo(409);
        } finally {
            s3.startServer();
        }

        management.setJobDuedate(job(instance, RecordingFinalisationProcess.Elements.VERIFY).getId(), new java.util.Date()); // the retry is due
        awaitStatus("ready");
        assertThat(storage.sizeIfExists(prefix() + "manifest.json")).isPositive();
    }

    @Test
    void a_missing_chunk_fails_the_recording_with_the_reason_and_tells_the_owner() throws Exception {
        putChunk(0, bytes(11, 10_000), 1_000, recorder);
        putChunk(2, bytes(12, 10_000), 1_000, recorder);

        management.executeJob(job(processInstance(), RecordingFinalisationProcess.Elements.QUIET_PERIOD).getId());

        JsonNode card = awaitStatus("failed");
        assertThat(card.get("failureReason").asText()).contains("chunk 1 is missing");
        JsonNode notices = Json.of(get("/api/notifications", tokens.of("alice")));
        assertThat(notices.findValuesAsText("type")).contains("recording.failed");
        send("DELETE", "/api/meetings/" + meetingId + "/recording", tokens.of("alice"), null);
        await().atMost(Duration.ofSeconds(60)).until(() -> !Json.of(get("/api/notifications", tokens.of("alice")))
                .findValuesAsText("type").contains("recording.failed"));
    }

    @Test
    void its_owner_deletes_the_recording_and_its_objects_go() throws Exception {
        putChunk(0, bytes(13, 10_000), 1_000, recorder);

        HttpResponse<String> deleted = send("DELETE", "/api/meetings/" + meetingId + "/recording", tokens.of("alice"), null);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get("/api/meetings/" + meetingId + "/recording", tokens.of("alice")).statusCode()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(30)).until(() -> storage.keys("recordings/" + meetingId + "/").isEmpty()
                && jdbc.sql("select count(*) from meeting_recording where meeting_id = :m").param("m", meetingId)
                .query(Long.class).single() == 0);
    }

    @Test
    void a_1_GiB_recording_in_64_MiB_chunks_is_streamed_through_with_the_heap_staying_flat() throws Exception {
        int chunks = 16;
        long size = 64L * 1024 * 1024;
        List<String> digests = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            digests.add(sha256(new Generated(100 + i, size)));
        }
        HeapSampler heap = new HeapSampler();
        long baseline = heap.liveNow();

        long started = System.nanoTime();
        heap.start();
        try {
            for (int i = 0; i < chunks; i++) {
                int seed = 100 + i;
                HttpResponse<String> put = send(HttpRequest.newBuilder(chunkUri(meetingId, i))
                        .header("Authorization", "Bearer " + recorder).header("Content-Type", "video/webm")
                        .header("X-Chunk-Duration-Ms", "60000").header("X-Checksum-SHA256", digests.get(i))
                        .PUT(HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(seed, size)), size)));
                assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
            }
        } finally {
            heap.stop();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        JsonNode card = Json.of(get("/api/meetings/" + meetingId + "/recording", tokens.of("alice")));
        assertThat(card.get("chunkCount").asInt()).isEqualTo(16);
        assertThat(card.get("totalSizeBytes").asLong()).isEqualTo(1024L * 1024 * 1024);
        long median = heap.median() - baseline;
        long max = heap.max() - baseline;
        System.out.printf("1 GiB in 16 x 64 MiB chunks through the API: %.1f s (%.1f MB/s); live heap after a full GC: "
                        + "baseline %d MiB, during the upload median %+d MiB, max %+d MiB (%d samples)%n", seconds,
                1073.741824 / seconds, baseline >> 20, median >> 20, max >> 20, heap.samples());
        assertThat(heap.samples()).as("sampled during the upload").isGreaterThan(3);
        // a chunk held whole would add 64 MiB for the whole of its upload, i.e. in most samples
        assertThat(median).as("typical growth: a few 8 MiB parts, not a chunk").isLessThan(32L << 20);
        assertThat(max).as("never a whole chunk").isLessThan(64L << 20);
    }

    // ---- helpers

    private HttpResponse<String> putChunk(int sequence, byte[] chunk, long durationMs, String token) throws Exception {
        return send(chunkRequest(sequence, chunk, String.valueOf(durationMs), token).header("X-Checksum-SHA256", sha256(chunk)));
    }

    private HttpRequest.Builder chunkRequest(int sequence, byte[] chunk, String durationMs, String token) {
        return chunkRequest(meetingId, sequence, chunk, durationMs, token);
    }

    private HttpRequest.Builder chunkRequest(String meeting, int sequence, byte[] chunk, String durationMs, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(chunkUri(meeting, sequence))
                .header("Authorization", "Bearer " + token).header("Content-Type", "video/webm")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk));
        if (durationMs != null) {
            request.header("X-Chunk-Duration-Ms", durationMs);
        }
        return request;
    }

    private URI chunkUri(String meeting, int sequence) {
        return api("/api/meetings/" + meeting + "/recording/chunks/" + sequence);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitStatus(String status) {
        JsonNode[] card = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            card[0] = Json.of(get("/api/meetings/" + meetingId + "/recording", tokens.of("alice")));
            return status.equals(card[0].path("status").asText());
        });
        return card[0];
    }

    private String prefix() throws Exception {
        JsonNode card = Json.of(get("/api/meetings/" + meetingId + "/recording", tokens.of("alice")));
        return "recordings/" + meetingId + "/" + card.get("recordingId").asText() + "/";
    }

    private String processInstance() throws Exception {
        String recordingId = Json.of(get("/api/meetings/" + meetingId + "/recording", tokens.of("alice"))).get("recordingId").asText();
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(recordingId).singleResult().getId();
    }

    private Job job(String instance, String activity) {
        return management.createJobQuery().processInstanceId(instance).activityId(activity).singleResult();
    }

    /** A client-credentials token of the recorder's service account (client convene-recorder, realm role recorder). */
    private String recorderToken() throws Exception {
        String secret = Files.readString(Path.of("target/it-data/keycloak/recorder-client-secret")).trim();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=convene-recorder&client_secret="
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("access_token").asText();
    }

    private static String subject(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asText();
    }

    private static byte[] bytes(int seed, int size) {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** {@code size} pseudo-random bytes made as they are read: the test holds no chunk either. */
    private static final class Generated extends InputStream {
        private final SplittableRandom random;
        private long remaining;

        Generated(int seed, long size) {
            this.random = new SplittableRandom(seed);
            this.remaining = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(length, remaining), 8192) & ~7;
            if (n == 0) {
                n = (int) Math.min(length, remaining);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = (byte) random.nextInt(256);
                }
            } else {
                for (int i = 0; i < n; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        buffer[offset + i + b] = (byte) (value >>> (8 * b));
                    }
                }
            }
            remaining -= n;
            return n;
        }
    }

    /**
     * The live heap of this JVM (the app's, the tests run in it) after a full GC, once a second
     * while the upload runs: what is held, not what is allocated and dropped.
     */
    private static final class HeapSampler {
        private final java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        private final List<Long> live = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile boolean running;
        private Thread thread;

        long liveNow() {
            memory.gc();
            return memory.getHeapMemoryUsage().getUsed();
        }

        void start() {
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    live.add(liveNow());
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000_000L);
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long max() {
            return live.stream().mapToLong(Long::longValue).max().orElse(0);
        }

        long median() {
            List<Long> sorted = live.stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        }

        int samples() {
            return live.size();
        }
    }
}
