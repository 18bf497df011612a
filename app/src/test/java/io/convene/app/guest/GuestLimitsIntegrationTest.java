package io.convene.app.guest;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.app.support.Json;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The anti-spam limits (seed 002, Final Open Question 10; security considerations), each shown
 * with the exact request that trips it, and the one answer every invalid token gets.
 */
class GuestLimitsIntegrationTest extends GuestFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A meeting in progress with Alice in it, and one registered guest. */
    private Registered guestOfMeetingInProgress(String[] meetingOut) throws Exception {
        String meeting = guestMeeting(Instant.now().minus(Duration.ofMinutes(1)));
        meetingOut[0] = meeting;
        String token = link(meeting, "alice");
        join(meeting, "alice");
        return registered(token, "Spammy");
    }

    private void askedAndDeclined(String meeting, Registered guest) throws Exception {
        HttpResponse<String> asked = ask(guest);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        assertThat(answer(meeting, guest, "alice", "decline").statusCode()).isEqualTo(200);
    }

    @Test
    void a_second_request_within_30_seconds_is_refused_until_the_cool_down_is_over() throws Exception {
        String[] meeting = new String[1];
        Registered guest = guestOfMeetingInProgress(meeting);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        moveClockTo(t0);
        askedAndDeclined(meeting[0], guest);

        moveClockTo(t0.plusSeconds(10));
        HttpResponse<String> tooSoon = ask(guest);

        assertThat(tooSoon.statusCode()).isEqualTo(429);
        assertThat(tooSoon.headers().firstValue("Retry-After")).hasValue("20");
        moveClockTo(t0.plusSeconds(30));
        assertThat(ask(guest).statusCode()).isEqualTo(202);
    }

    @Test
    void the_fourth_request_within_5_minutes_is_refused_and_after_5_declines_the_session_is_blocked() throws Exception {
        String[] meeting = new String[1];
        Registered guest = guestOfMeetingInProgress(meeting);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            moveClockTo(t0.plusSeconds(31L * i));
            askedAndDeclined(meeting[0], guest);
        }

        moveClockTo(t0.plusSeconds(93));
        HttpResponse<String> fourth = ask(guest);
        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Retry-After")).hasValue("207"); // the first one leaves the window at t0 + 300 s
        assertThat(Json.of(fourth).get("detail").asText()).contains("At most 3 requests per 5 min");

        moveClockTo(t0.plusSeconds(301));
        askedAndDeclined(meeting[0], guest); // 4th decline
        moveClockTo(t0.plusSeconds(332));
        askedAndDeclined(meeting[0], guest); // 5th decline
        moveClockTo(t0.plusSeconds(363));    // neither cool-down nor window would refuse this one
        HttpResponse<String> sixth = ask(guest);
        assertThat(sixth.statusCode()).isEqualTo(403);
        assertThat(Json.of(sixth).get("detail").asText()).contains("declined 5 times");
    }

    @Test
    void a_request_nobody_answers_expires_after_10_minutes_and_the_guest_hears_it() throws Exception {
        String[] meeting = new String[1];
        Registered guest = guestOfMeetingInProgress(meeting);
        assertThat(ask(guest).statusCode()).isEqualTo(202);

        moveClockTo(Instant.now().plus(Duration.ofMinutes(10)).plusSeconds(1));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select state from guest_admission_request where session_id = cast(:s as uuid)")
                .param("s", guest.sessionId()).query(String.class).single().equals("expired"));
        assertThat(answer(meeting[0], guest, "alice", "admit").statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from outbox_event where type = 'external.request_expired' and data->>'sessionId' = :s")
                .param("s", guest.sessionId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_eleventh_registration_through_one_token_is_refused() throws Exception {
        String meeting = guestMeeting(Instant.now().plus(Duration.ofMinutes(10)));
        String token = link(meeting, "alice");
        for (int i = 1; i <= 10; i++) {
            assertThat(register(token, "Guest " + i, newAddress()).statusCode()).as("registration " + i).isEqualTo(201);
        }

        HttpResponse<String> eleventh = register(token, "Guest 11", newAddress());

        assertThat(eleventh.statusCode()).isEqualTo(403);
        assertThat(Json.of(eleventh).get("detail").asText()).contains("used 10 times");
        assertThat(register(link(meeting, "alice"), "With the new link", newAddress()).statusCode()).isEqualTo(201);
    }

    @Test
    void the_31st_landing_request_of_one_address_within_a_minute_is_throttled_others_are_not() throws Exception {
        String address = newAddress();
        for (int i = 1; i <= 30; i++) {
            assertThat(landing(randomToken(), address).statusCode()).as("request " + i).isEqualTo(404);
        }

        HttpResponse<String> throttled = landing(randomToken(), address);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(throttled.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
        assertThat(landing(randomToken(), newAddress()).statusCode()).isEqualTo(404);
        moveClockTo(Instant.now().plus(Duration.ofSeconds(61))); // the window is over
        assertThat(landing(randomToken(), address).statusCode()).isEqualTo(404);
    }

    @Test
    void ipv6_clients_are_counted_by_their_64_bit_prefix() throws Exception {
        for (int i = 1; i <= 30; i++) {
            assertThat(landing(randomToken(), "2001:db8:77:1::" + Integer.toHexString(i)).statusCode()).isEqualTo(404);
        }

        assertThat(landing(randomToken(), "2001:db8:77:1:ffff:ffff:ffff:fffe").statusCode()).isEqualTo(429); // same /64
        assertThat(landing(randomToken(), "2001:db8:77:2::1").statusCode()).isEqualTo(404);                  // the next /64
    }

    @Test
    void the_11th_registration_of_one_address_within_a_minute_is_throttled_before_anything_is_looked_at() throws Exception {
        String meeting = guestMeeting(Instant.now().plus(Duration.ofMinutes(10)));
        String token = link(meeting, "alice");
        String address = newAddress();
        for (int i = 1; i <= 9; i++) {
            assertThat(register(token, "Guest " + i, address).statusCode()).isEqualTo(201);
        }
        assertThat(register(randomToken(), "Bad token", address).statusCode()).isEqualTo(404); // the 10th counts too

        HttpResponse<String> eleventh = register(token, "Guest 11", address);

        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(register(token, "Elsewhere", newAddress()).statusCode()).isEqualTo(201);
    }

    @Test
    void the_old_link_a_token_past_its_window_and_a_random_token_get_the_same_answer() throws Exception {
        Instant start = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        String meeting = guestMeeting(start);
        String old = link(meeting, "alice");
        String current = link(meeting, "alice");
        String address = newAddress();
        assertThat(landing(current, address).statusCode()).isEqualTo(200);

        HttpResponse<String> superseded = landing(old, address);
        HttpResponse<String> random = landing(randomToken(), address);
        moveClockTo(start.plus(Duration.ofHours(1)).plusSeconds(1)); // the window ends 1 h after the start
        HttpResponse<String> pastWindow = landing(current, address);
        HttpResponse<String> registerPastWindow = register(current, "Late", newAddress());
        HttpResponse<String> registerRandom = register(randomToken(), "Random", newAddress());

        for (HttpResponse<String> answer : java.util.List.of(superseded, random, pastWindow, registerPastWindow, registerRandom)) {
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.body()).isEqualTo(random.body());
            assertThat(answer.headers().firstValue("Content-Type")).isEqualTo(random.headers().firstValue("Content-Type"));
        }
        moveClockTo(start.plus(Duration.ofHours(1)).minusSeconds(1));
        assertThat(landing(current, address).statusCode()).isEqualTo(200); // one second inside, still valid
    }

    @Test
    void a_link_stops_working_when_its_meeting_is_cancelled() throws Exception {
        String meeting = guestMeeting(Instant.now().plus(Duration.ofMinutes(10)));
        String token = link(meeting, "alice");
        assertThat(post("/api/meetings/" + meeting + "/cancel", tokens.of("alice"), null).statusCode()).isEqualTo(200);

        assertThat(landing(token, newAddress()).statusCode()).isEqualTo(404);
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.convene.application.guest.GuestHousekeeping housekeeping;

    @Test
    void throttle_windows_an_hour_old_are_forgotten_and_current_ones_kept() throws Exception {
        String old = newAddress();
        assertThat(landing(randomToken(), old).statusCode()).isEqualTo(404);
        moveClockTo(Instant.now().plus(Duration.ofMinutes(61)));
        String current = newAddress();
        assertThat(landing(randomToken(), current).statusCode()).isEqualTo(404);

        housekeeping.forgetOldThrottles();

        assertThat(jdbc.sql("select bucket from guest_throttle where bucket in (:b)")
                .param("b", java.util.List.of("landing:" + old, "landing:" + current)).query(String.class).list())
                .containsExactly("landing:" + current);
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
