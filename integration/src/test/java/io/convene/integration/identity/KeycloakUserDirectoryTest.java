package io.convene.integration.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.convene.domain.user.DirectoryUser;
import io.convene.integration.identity.KeycloakUserDirectory.KeycloakAdminException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WireMock plays Keycloak: the realm's token endpoint and the Admin REST API. */
class KeycloakUserDirectoryTest {

    private static final String TOKEN_PATH = "/realms/convene/protocol/openid-connect/token";
    private static final String USERS_PATH = "/admin/realms/convene/users";
    private static final String ALICE_ID = "a11ce000-0000-4000-8000-000000000001";
    private static final String ALICE_JSON = """
            {"id": "a11ce000-0000-4000-8000-000000000001", "username": "alice", "firstName": "Alice",
             "lastName": "Anders", "email": "alice@convene.example", "enabled": true}""";

    private final WireMockServer keycloak = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-02T08:00:00Z"));
    private KeycloakUserDirectory directory;

    @BeforeEach
    void startKeycloak() {
        keycloak.start();
        directory = directoryFor("http://127.0.0.1:" + keycloak.port() + "/realms/convene");
        keycloak.stubFor(post(urlEqualTo(TOKEN_PATH))
                .willReturn(okJson("{\"access_token\": \"token-1\", \"expires_in\": 300, \"token_type\": \"Bearer\"}")));
    }

    @AfterEach
    void stopKeycloak() {
        keycloak.stop();
    }

    @Test
    void one_token_serves_many_calls_until_it_nears_its_expiry() {
        // given
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).willReturn(okJson("[]")));

        // when
        directory.search("a", 5);
        directory.search("b", 5);
        clock.advance(Duration.ofSeconds(269));
        directory.search("c", 5);

        // then
        keycloak.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=convene-backend"))
                .withRequestBody(containing("client_secret=s3cret")));
        keycloak.verify(3, getRequestedFor(urlPathEqualTo(USERS_PATH))
                .withHeader("Authorization", equalTo("Bearer token-1")));
    }

    @Test
    void a_new_token_is_fetched_shortly_before_the_old_one_expires() {
        // given
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).willReturn(okJson("[]")));
        directory.search("a", 5);

        // when
        clock.advance(Duration.ofSeconds(271));
        directory.search("b", 5);

        // then
        keycloak.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void search_maps_keycloak_users_to_directory_users() {
        // given
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).willReturn(okJson("[" + ALICE_JSON + ","
                + "{\"id\": \"u-2\", \"username\": \"nameless\", \"email\": null}]")));

        // when
        List<DirectoryUser> users = directory.search("  al ice ", 7);

        // then
        assertThat(users).containsExactly(
                new DirectoryUser(ALICE_ID, "alice", "Alice Anders", "alice@convene.example"),
                new DirectoryUser("u-2", "nameless", "nameless", null));
        keycloak.verify(getRequestedFor(urlEqualTo(USERS_PATH + "?search=al%20ice&max=7&briefRepresentation=true")));
    }

    @Test
    void find_maps_one_user_and_uses_only_a_first_name_when_there_is_no_last_name() {
        // given
        keycloak.stubFor(get(urlEqualTo(USERS_PATH + "/u-3"))
                .willReturn(okJson("{\"id\": \"u-3\", \"username\": \"cher\", \"firstName\": \"Cher\"}")));

        // when
        Optional<DirectoryUser> user = directory.find("u-3");

        // then
        assertThat(user).contains(new DirectoryUser("u-3", "cher", "Cher", null));
    }

    @Test
    void find_of_an_unknown_user_is_empty() {
        // given
        keycloak.stubFor(get(urlEqualTo(USERS_PATH + "/nobody"))
                .willReturn(aResponse().withStatus(404).withBody("{\"error\": \"User not found\"}")));

        // when
        Optional<DirectoryUser> user = directory.find("nobody");

        // then
        assertThat(user).isEmpty();
    }

    @Test
    void an_unknown_id_asked_for_again_within_ten_seconds_costs_keycloak_one_look_up() {
        // given
        keycloak.stubFor(get(urlEqualTo(USERS_PATH + "/nobody"))
                .willReturn(aResponse().withStatus(404).withBody("{\"error\": \"User not found\"}")));

        // when
        for (int i = 0; i < 100; i++) {
            directory.find("nobody");
        }
        clock.advance(Duration.ofSeconds(9));
        Optional<DirectoryUser> stillUnknown = directory.find("nobody");

        // then
        assertThat(stillUnknown).isEmpty();
        keycloak.verify(1, getRequestedFor(urlEqualTo(USERS_PATH + "/nobody")));
    }

    @Test
    void an_unknown_id_is_asked_for_again_after_ten_seconds_so_a_new_user_is_found() {
        // given
        keycloak.stubFor(get(urlEqualTo(USERS_PATH + "/" + ALICE_ID)).inScenario("created later")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("created")
                .willReturn(aResponse().withStatus(404)));
        keycloak.stubFor(get(urlEqualTo(USERS_PATH + "/" + ALICE_ID)).inScenario("created later")
                .whenScenarioStateIs("created").willReturn(okJson(ALICE_JSON)));
        assertThat(directory.find(ALICE_ID)).isEmpty();

        // when
        clock.advance(Duration.ofSeconds(10));
        Optional<DirectoryUser> user = directory.find(ALICE_ID);

        // then
        assertThat(user).map(DirectoryUser::username).contains("alice");
        keycloak.verify(2, getRequestedFor(urlEqualTo(USERS_PATH + "/" + ALICE_ID)));
    }

    @Test
    void find_answers_from_its_cache_for_sixty_seconds() {
        // given
        keycloak.stubFor(get(urlEqualTo(USERS_PATH + "/" + ALICE_ID)).willReturn(okJson(ALICE_JSON)));

        // when
        Optional<DirectoryUser> first = directory.find(ALICE_ID);
        clock.advance(Duration.ofSeconds(59));
        Optional<DirectoryUser> second = directory.find(ALICE_ID);

        // then
        assertThat(second).isEqualTo(first).isPresent();
        keycloak.verify(1, getRequestedFor(urlEqualTo(USERS_PATH + "/" + ALICE_ID)));
    }

    @Test
    void find_asks_keycloak_again_after_sixty_seconds() {
        // given
        keycloak.stubFor(get(urlEqualTo(USERS_PATH + "/" + ALICE_ID)).willReturn(okJson(ALICE_JSON)));
        directory.find(ALICE_ID);

        // when
        clock.advance(Duration.ofSeconds(60));
        directory.find(ALICE_ID);

        // then
        keycloak.verify(2, getRequestedFor(urlEqualTo(USERS_PATH + "/" + ALICE_ID)));
    }

    @Test
    void a_keycloak_error_becomes_an_exception_that_names_the_status() {
        // given
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).willReturn(aResponse().withStatus(500).withBody("boom")));

        // when / then
        assertThatThrownBy(() -> directory.search("alice", 5))
                .isInstanceOf(KeycloakAdminException.class)
                .hasMessageContaining("Keycloak answered 500")
                .hasMessageContaining("search users");
    }

    @Test
    void a_keycloak_error_on_find_is_an_exception_not_an_empty_result() {
        // given
        keycloak.stubFor(get(urlEqualTo(USERS_PATH + "/" + ALICE_ID)).willReturn(aResponse().withStatus(503)));

        // when / then
        assertThatThrownBy(() -> directory.find(ALICE_ID))
                .isInstanceOf(KeycloakAdminException.class)
                .hasMessageContaining("Keycloak answered 503");
    }

    @Test
    void missing_roles_of_the_service_account_are_named_in_the_exception() {
        // given
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).willReturn(aResponse().withStatus(403)));

        // when / then
        assertThatThrownBy(() -> directory.search("alice", 5))
                .isInstanceOf(KeycloakAdminException.class)
                .hasMessageContaining("403")
                .hasMessageContaining("view-users and query-users");
    }

    @Test
    void a_rejected_client_secret_becomes_an_exception() {
        // given
        keycloak.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\": \"unauthorized_client\", \"error_description\": \"Invalid client credentials\"}")));

        // when / then
        assertThatThrownBy(() -> directory.find(ALICE_ID))
                .isInstanceOf(KeycloakAdminException.class)
                .hasMessageContaining("Keycloak answered 401")
                .hasMessageContaining("convene-backend")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void an_unset_client_secret_is_named_before_keycloak_is_asked() {
        // given
        KeycloakUserDirectory withoutSecret = new KeycloakUserDirectory(
                "http://127.0.0.1:" + keycloak.port() + "/realms/convene", "convene-backend", "",
                new ObjectMapper(), clock);

        // when / then
        assertThatThrownBy(() -> withoutSecret.search("alice", 5))
                .isInstanceOf(KeycloakAdminException.class)
                .hasMessageContaining("convene.identity.admin-client-secret");
        keycloak.verify(0, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void a_rejected_token_is_replaced_once_and_the_call_retried() {
        // given
        keycloak.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"access_token\": \"revoked\", \"expires_in\": 300}")).willSetStateTo("second"));
        keycloak.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("token").whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\": \"fresh\", \"expires_in\": 300}")));
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).withHeader("Authorization", equalTo("Bearer revoked"))
                .willReturn(aResponse().withStatus(401)));
        keycloak.stubFor(get(urlPathEqualTo(USERS_PATH)).withHeader("Authorization", equalTo("Bearer fresh"))
                .willReturn(okJson("[" + ALICE_JSON + "]")));

        // when
        List<DirectoryUser> users = directory.search("alice", 5);

        // then
        assertThat(users).extracting(DirectoryUser::username).containsExactly("alice");
        keycloak.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void an_issuer_behind_a_path_prefix_keeps_the_prefix_for_the_admin_api() {
        // given
        keycloak.stubFor(post(urlEqualTo("/auth" + TOKEN_PATH))
                .willReturn(okJson("{\"access_token\": \"token-1\", \"expires_in\": 300}")));
        keycloak.stubFor(get(urlEqualTo("/auth" + USERS_PATH + "/" + ALICE_ID)).willReturn(okJson(ALICE_JSON)));
        KeycloakUserDirectory behindPrefix = directoryFor("http://127.0.0.1:" + keycloak.port() + "/auth/realms/convene/");

        // when
        Optional<DirectoryUser> user = behindPrefix.find(ALICE_ID);

        // then
        assertThat(user).map(DirectoryUser::username).contains("alice");
    }

    @Test
    void an_issuer_without_a_realm_is_refused_at_startup() {
        assertThatThrownBy(() -> directoryFor("http://127.0.0.1:8180/auth"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("convene.identity.issuer-uri");
    }

    private KeycloakUserDirectory directoryFor(String issuer) {
        return new KeycloakUserDirectory(issuer, "convene-backend", "s3cret", new ObjectMapper(), clock);
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
