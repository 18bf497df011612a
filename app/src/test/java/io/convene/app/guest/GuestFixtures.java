package io.convene.app.guest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.app.realtime.SocketClient;
import io.convene.app.support.Json;
import io.convene.app.support.MeetingFixtures;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Guests as a browser would be one: through the landing page, registration and its credential,
 * each from a client address of its own (X-Forwarded-For; the test profile trusts loopback as the
 * proxy), so the per-address limits of one test never touch another.
 */
abstract class GuestFixtures extends MeetingFixtures {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    protected JdbcClient jdbc;

    protected final List<SocketClient> clients = new ArrayList<>();

    @Override
    protected JdbcClient jdbc() {
        return jdbc;
    }

    @AfterEach
    void cleanUpGuests() throws Exception {
        clients.forEach(SocketClient::close);
        clients.clear();
        ClockUtil.reset();
        leaveAll();
        deleteMeetingsMade();
    }

    /** A client address no other test uses. */
    protected static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    /** A JITSI meeting that allows guests, starting at {@code start}, with Bob and Carol invited. */
    protected String guestMeeting(Instant start) throws Exception {
        return createMeeting("alice", Map.of("title", "Client Demo", "startTime",
                start.truncatedTo(ChronoUnit.SECONDS).toString(), "durationMinutes", 60, "provider", "JITSI",
                "allowExternal", true, "participantIds", List.of(BOB, CAROL)));
    }

    protected String link(String meeting, String user) throws Exception {
        HttpResponse<String> response = post("/api/meetings/" + meeting + "/generate-link", tokens.of(user), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.of(response).get("invitationToken").asText();
    }

    protected void join(String meeting, String user) throws Exception {
        HttpResponse<String> response = post("/api/meetings/" + meeting + "/join", tokens.of(user), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    protected void leave(String meeting, String user) throws Exception {
        HttpResponse<String> response = post("/api/meetings/" + meeting + "/leave", tokens.of(user), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    protected HttpResponse<String> landing(String token, String address) throws Exception {
        return http.send(HttpRequest.newBuilder(api("/api/meetings/external/join/" + token))
                .header("X-Forwarded-For", address).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> register(String token, String name, String address) throws Exception {
        return http.send(HttpRequest.newBuilder(api("/api/meetings/external/register"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("token", token, "displayName", name,
                        "identityKeyPublic", "BQxIdentityKeyOf" + name.hashCode(), "signedPreKey", "signed-" + name.hashCode(),
                        "preKeys", List.of(Map.of("keyId", 1, "publicKey", "pk1"), Map.of("keyId", 2, "publicKey", "pk2"))))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A registered guest: its session id and credential. */
    protected record Registered(String sessionId, String credential) {}

    protected Registered registered(String token, String name) throws Exception {
        HttpResponse<String> response = register(token, name, newAddress());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = Json.of(response);
        return new Registered(body.get("sessionId").asText(), body.get("credential").asText());
    }

    protected HttpResponse<String> ask(Registered guest) throws Exception {
        return post("/api/meetings/external/session/" + guest.sessionId() + "/ask", guest.credential(), null);
    }

    protected HttpResponse<String> answer(String meeting, Registered guest, String user, String verb) throws Exception {
        return post("/api/meetings/" + meeting + "/guests/" + guest.sessionId() + "/" + verb, tokens.of(user), null);
    }

    protected static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private void leaveAll() throws Exception {
        Map<String, String> users = Map.of(ALICE, "alice", BOB, "bob", CAROL, "carol", DAVE, "dave");
        for (Map.Entry<String, String> user : users.entrySet()) {
            List<String> meetings = jdbc.sql("""
                    select p.meeting_id from meeting_participant p join meeting m on m.id = p.meeting_id
                    where p.user_id = :user and p.status = 'JOINED' and m.status = 'IN_PROGRESS'""")
                    .param("user", user.getKey()).query(String.class).list();
            for (String meeting : meetings) {
                post("/api/meetings/" + meeting + "/leave", tokens.of(user.getValue()), null);
            }
        }
    }
}
