package io.convene.app.guest;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.app.support.Json;
import io.convene.app.support.SecondNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** The guests' limits hold across app instances: a second Convene on the same PostgreSQL counts with the first. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuestTwoNodeIntegrationTest extends GuestFixtures {

    @Autowired
    Environment environment;

    private SecondNode node2;

    @BeforeAll
    void startSecondNode() {
        node2 = SecondNode.sharingStackOf(environment);
    }

    @AfterAll
    void closeSecondNode() {
        if (node2 != null) {
            node2.close();
        }
    }

    private HttpResponse<String> landingOnNode2(String token, String address) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + node2.httpPort()
                        + "/api/meetings/external/join/" + token)).header("X-Forwarded-For", address).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void one_address_gets_30_landings_in_all_whichever_instance_answers() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 15; i++) {
            assertThat(landing(GuestLimitsIntegrationTest.randomToken(), address).statusCode()).isEqualTo(404);
            assertThat(landingOnNode2(GuestLimitsIntegrationTest.randomToken(), address).statusCode()).isEqualTo(404);
        }

        assertThat(landingOnNode2(GuestLimitsIntegrationTest.randomToken(), address).statusCode()).isEqualTo(429);
        assertThat(landing(GuestLimitsIntegrationTest.randomToken(), address).statusCode()).isEqualTo(429);
    }

    @Test
    void a_token_lets_10_registrations_through_in_all_and_answers_race_across_instances() throws Exception {
        String meeting = guestMeeting(Instant.now().minus(Duration.ofMinutes(1)));
        String token = link(meeting, "alice");
        join(meeting, "alice");
        join(meeting, "bob");
        String node2Url = "http://localhost:" + node2.httpPort();
        for (int i = 0; i < 5; i++) {
            assertThat(register(token, "One " + i, newAddress()).statusCode()).isEqualTo(201);
            // on node 2 with seed 002's name of the token field
            assertThat(http.send(HttpRequest.newBuilder(URI.create(node2Url + "/api/meetings/external/register"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", newAddress())
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(java.util.Map.of("invitationToken", token,
                            "displayName", "Two " + i, "identityKeyPublic", "k", "signedPreKey", "s", "preKeys", List.of()))))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        }
        assertThat(register(token, "Eleventh", newAddress()).statusCode()).isEqualTo(403);

        // a guest registered and asking on node 2; Alice answers on node 1 while Bob answers on node 2
        Registered guest = registeredOn(node2Url, link(meeting, "alice"));
        assertThat(http.send(HttpRequest.newBuilder(URI.create(node2Url + "/api/meetings/external/session/"
                + guest.sessionId() + "/ask")).header("Authorization", "Bearer " + guest.credential())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(202);
        String aliceToken = tokens.of("alice");
        String bobToken = tokens.of("bob");
        Registered asked = guest;
        CompletableFuture<HttpResponse<String>> onNode1 = CompletableFuture.supplyAsync(() -> call(
                api("/api/meetings/" + meeting + "/guests/" + asked.sessionId() + "/admit"), aliceToken));
        CompletableFuture<HttpResponse<String>> onNode2 = CompletableFuture.supplyAsync(() -> call(
                URI.create(node2Url + "/api/meetings/" + meeting + "/guests/" + asked.sessionId() + "/decline"), bobToken));

        assertThat(List.of(onNode1.get().statusCode(), onNode2.get().statusCode())).containsExactlyInAnyOrder(200, 409);
    }

    private Registered registeredOn(String baseUrl, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/meetings/external/register"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", newAddress())
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(java.util.Map.of("token", token,
                        "displayName", "Racer", "identityKeyPublic", "k", "signedPreKey", "s", "preKeys", List.of()))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new Registered(Json.of(response).get("sessionId").asText(), Json.of(response).get("credential").asText());
    }

    private HttpResponse<String> call(URI uri, String token) {
        try {
            return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
