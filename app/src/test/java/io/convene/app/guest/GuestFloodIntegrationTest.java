package io.convene.app.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 10,000 random tokens from one client address: every one refused, all but the first window's
 * throttled — and signed-in users' requests meanwhile as fast as before, within a bound.
 */
class GuestFloodIntegrationTest extends GuestFixtures {

    private static final int TOKENS = 10_000;
    private static final int ATTACKERS = 4;

    private final HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void ten_thousand_random_tokens_are_refused_and_throttled_without_slowing_signed_in_users() throws Exception {
        String meeting = guestMeeting(Instant.now().plus(Duration.ofMinutes(30)));
        String alice = tokens.of("alice");
        signedInLatencies(meeting, alice, 100); // warm-up
        List<Long> before = signedInLatencies(meeting, alice, 200);

        String attacker = "203.0.113.200";
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService flood = Executors.newFixedThreadPool(ATTACKERS);
        long floodStart = System.nanoTime();
        List<Future<?>> attackers = new ArrayList<>();
        for (int a = 0; a < ATTACKERS; a++) {
            attackers.add(flood.submit(() -> {
                for (int i = 0; i < TOKENS / ATTACKERS; i++) {
                    HttpResponse<Void> response = plain.send(HttpRequest.newBuilder(
                                    api("/api/meetings/external/join/" + GuestLimitsIntegrationTest.randomToken()))
                            .header("X-Forwarded-For", attacker).GET().build(), HttpResponse.BodyHandlers.discarding());
                    statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        List<Long> during = new ArrayList<>();
        while (attackers.stream().anyMatch(f -> !f.isDone())) {
            during.addAll(signedInLatencies(meeting, alice, 10));
        }
        for (Future<?> f : attackers) {
            f.get();
        }
        flood.shutdown();
        double floodSeconds = (System.nanoTime() - floodStart) / 1e9;

        assertThat(statuses.keySet()).containsExactlyInAnyOrder(404, 429);
        assertThat(statuses.get(404).get()).isEqualTo(30);                 // convene.guests.landing-per-address
        assertThat(statuses.get(429).get()).isEqualTo(TOKENS - 30);
        long medianBefore = percentile(before, 50);
        long medianDuring = percentile(during, 50);
        long p95Before = percentile(before, 95);
        long p95During = percentile(during, 95);
        System.out.printf("guest flood: %d tokens in %.1f s (%.0f/s) from %d connections; signed-in GET /api/meetings/{id}"
                        + " median %.1f ms -> %.1f ms, p95 %.1f ms -> %.1f ms (%d samples during)%n",
                TOKENS, floodSeconds, TOKENS / floodSeconds, ATTACKERS, medianBefore / 1e6, medianDuring / 1e6,
                p95Before / 1e6, p95During / 1e6, during.size());
        assertThat(during).hasSizeGreaterThan(20);
        // 2 cores shared by the flood, the server and this client: the signed-in median may grow by
        // the CPU the throttled requests take, never by queueing behind them
        assertThat(medianDuring).isLessThan(Math.max(4 * medianBefore, medianBefore + 30_000_000L));
        assertThat(p95During).isLessThan(Math.max(6 * p95Before, p95Before + 100_000_000L));
    }

    private List<Long> signedInLatencies(String meeting, String token, int count) throws Exception {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            HttpResponse<Void> response = plain.send(HttpRequest.newBuilder(api("/api/meetings/" + meeting))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding());
            latencies.add(System.nanoTime() - t);
            assertThat(response.statusCode()).isEqualTo(200);
        }
        return latencies;
    }

    private static long percentile(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100));
    }
}
