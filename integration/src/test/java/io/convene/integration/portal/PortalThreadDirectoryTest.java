package io.convene.integration.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.convene.domain.thread.ThreadDirectory;
import io.convene.domain.thread.ThreadDirectoryUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WireMock plays the portal's thread API: GET /api/threads/{threadId}/members. */
class PortalThreadDirectoryTest {

    private static final String ALICE = "a11ce000-0000-4000-8000-000000000001";
    private static final String BOB = "b0b00000-0000-4000-8000-000000000002";
    private static final String DAVE = "da4e0000-0000-4000-8000-000000000004";

    private final WireMockServer portal = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private ThreadDirectory threads;

    @BeforeEach
    void startPortal() {
        portal.start();
        threads = directory("http://127.0.0.1:" + portal.port() + "/", "portal-token");
    }

    @AfterEach
    void stopPortal() {
        portal.stop();
    }

    @Test
    void a_member_of_the_thread_is_a_member() {
        portal.stubFor(get(urlEqualTo("/api/threads/thread-7/members")).willReturn(okJson("[\"" + ALICE + "\", \"" + BOB + "\"]")));

        assertThat(threads.knowsThreads()).isTrue();
        assertThat(threads.isMember("thread-7", BOB)).isTrue();
        assertThat(threads.members("thread-7")).containsExactly(ALICE, BOB);
    }

    @Test
    void someone_not_in_the_thread_is_not_a_member() {
        portal.stubFor(get(urlEqualTo("/api/threads/thread-7/members")).willReturn(okJson("[\"" + ALICE + "\", \"" + BOB + "\"]")));

        assertThat(threads.isMember("thread-7", DAVE)).isFalse();
    }

    @Test
    void a_thread_the_portal_does_not_know_has_no_members() {
        portal.stubFor(get(urlEqualTo("/api/threads/gone/members")).willReturn(notFound()));

        assertThat(threads.members("gone")).isEmpty();
        assertThat(threads.isMember("gone", ALICE)).isFalse();
    }

    @Test
    void the_portal_is_asked_with_its_token_and_the_thread_id_encoded_as_one_path_segment() {
        portal.stubFor(get(urlEqualTo("/api/threads/a%2Fb%20c/members")).willReturn(okJson("[]")));

        assertThat(threads.members("a/b c")).isEmpty();

        portal.verify(getRequestedFor(urlEqualTo("/api/threads/a%2Fb%20c/members"))
                .withHeader("Authorization", equalTo("Bearer portal-token"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void duplicate_ids_count_once() {
        portal.stubFor(get(urlEqualTo("/api/threads/t/members")).willReturn(okJson("[\"" + BOB + "\", \"" + BOB + "\"]")));

        assertThat(threads.members("t")).containsExactly(BOB);
    }

    @Test
    void a_portal_that_is_down_is_unavailable_not_an_empty_thread() {
        portal.stop();

        assertThatThrownBy(() -> threads.isMember("thread-7", ALICE))
                .isInstanceOf(ThreadDirectoryUnavailableException.class)
                .hasMessageContaining("/api/threads/thread-7/members");
    }

    @Test
    void a_portal_that_fails_is_unavailable() {
        portal.stubFor(get(urlEqualTo("/api/threads/t1/members")).willReturn(serverError()));
        portal.stubFor(get(urlEqualTo("/api/threads/t2/members")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        portal.stubFor(get(urlEqualTo("/api/threads/t3/members")).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> threads.members("t1")).isInstanceOf(ThreadDirectoryUnavailableException.class)
                .hasMessageContaining("500");
        assertThatThrownBy(() -> threads.members("t2")).isInstanceOf(ThreadDirectoryUnavailableException.class);
        assertThatThrownBy(() -> threads.members("t3")).isInstanceOf(ThreadDirectoryUnavailableException.class)
                .hasMessageContaining("401");
    }

    @Test
    void a_portal_slower_than_the_timeout_is_unavailable() {
        threads = directory("http://127.0.0.1:" + portal.port(), null, Duration.ofMillis(300));
        portal.stubFor(get(urlEqualTo("/api/threads/slow/members")).willReturn(okJson("[]").withFixedDelay(2_000)));

        long begin = System.nanoTime();
        assertThatThrownBy(() -> threads.members("slow")).isInstanceOf(ThreadDirectoryUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void an_answer_that_is_not_a_list_of_user_ids_is_unavailable() {
        portal.stubFor(get(urlEqualTo("/api/threads/t1/members")).willReturn(okJson("{\"members\": []}")));
        portal.stubFor(get(urlEqualTo("/api/threads/t2/members")).willReturn(okJson("[{\"id\": 1}]")));
        portal.stubFor(get(urlEqualTo("/api/threads/t3/members")).willReturn(okJson("not json")));
        portal.stubFor(get(urlEqualTo("/api/threads/t4/members")).willReturn(aResponse().withStatus(200)));

        for (String thread : new String[] {"t1", "t2", "t3", "t4"}) {
            assertThatThrownBy(() -> threads.members(thread)).as(thread).isInstanceOf(ThreadDirectoryUnavailableException.class);
        }
    }

    @Test
    void without_a_portal_the_directory_knows_no_threads_and_lets_nobody_in() {
        ThreadDirectory none = directory("  ", null);

        assertThat(none.knowsThreads()).isFalse();
        assertThat(none.isMember("thread-7", ALICE)).isFalse();
        assertThat(none.members("thread-7")).isEmpty();
    }

    @Test
    void a_portal_url_that_is_not_http_is_refused_at_startup() {
        assertThatThrownBy(() -> new PortalProperties("ftp://portal.example", null, Duration.ofSeconds(3)))
                .hasMessageContaining("CONVENE_PORTAL_URL");
        assertThatThrownBy(() -> new PortalProperties("http://portal.example", null, Duration.ZERO))
                .hasMessageContaining("timeout");
    }

    private static ThreadDirectory directory(String url, String token) {
        return directory(url, token, Duration.ofSeconds(3));
    }

    private static ThreadDirectory directory(String url, String token, Duration timeout) {
        return new PortalConfiguration().threadDirectory(new PortalProperties(url, token, timeout));
    }
}
