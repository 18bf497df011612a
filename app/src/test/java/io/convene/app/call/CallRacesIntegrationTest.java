package io.convene.app.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.convene.processes.call.InstantCallProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two things happening at the same instant, from two threads: state stays
 * consistent, no notification is doubled, no process instance or job is left behind.
 */
class CallRacesIntegrationTest extends CallFixtures {

    @Autowired
    ManagementService management;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void accept_against_the_ring_timeout_has_one_winner() throws Exception {
        online("alice", "bob");
        for (int round = 0; round < 8; round++) {
            String id = callId("alice", List.of(BOB));
            Job timeout = ringTimeouts(id).get(0);

            List<Object> outcomes = race(() -> {
                try {
                    management.executeJob(timeout.getId());
                    return "timed out";
                } catch (RuntimeException lostTheRace) {
                    return "timer lost";
                }
            }, () -> act("bob", "accept", id).statusCode());

            int accept = (Integer) outcomes.get(1);
            assertThat(accept).as("round " + round + ": the loser is told, never a 500").isIn(200, 409);
            boolean missed = !notices(id, BOB, "call.missed").isEmpty();
            assertThat(accept == 200 ^ missed).as("round " + round + ": " + outcomes).isTrue();
            assertThat(notices(id, BOB, "call.missed")).hasSizeLessThanOrEqualTo(1);
            assertThat(notices(id, ALICE, "call.no_answer." + BOB)).hasSize(missed ? 1 : 0);
            assertThat(ringInstances(id)).isZero();
            assertThat(ringTimeouts(id)).isEmpty();
            send("DELETE", "/api/calls/" + id, tokens.of("alice"), null);
            await().atMost(Duration.ofSeconds(30)).until(() -> processInstances(id) == 0 && jobs(id) == 0);
        }
    }

    @Test
    void decline_against_the_caller_hanging_up_ends_cleanly() throws Exception {
        online("alice", "bob");
        String id = callId("alice", List.of(BOB));

        List<Object> outcomes = race(() -> act("bob", "decline", id).statusCode(),
                () -> send("DELETE", "/api/calls/" + id, tokens.of("alice"), null).statusCode());

        // a decline that wins leaves the caller alone, which hangs the call up too: then the hang-up finds it over
        assertThat((Integer) outcomes.get(1)).isIn(204, 404, 409);
        assertThat((Integer) outcomes.get(0)).isIn(200, 404, 409);
        await().atMost(Duration.ofSeconds(30)).until(() -> processInstances(id) == 0 && jobs(id) == 0);
        assertThat(events(id, "call.ended")).isEqualTo(1);
        assertThat(events(id, "call.declined")).isLessThanOrEqualTo(1);
        assertThat(notices(id, ALICE, "call.declined." + BOB)).hasSizeLessThanOrEqualTo(1);
        assertThat(get("/api/calls/" + id, tokens.of("alice")).statusCode()).isEqualTo(404);
    }

    @Test
    void the_last_two_leaving_at_the_same_instant_end_the_call_once() throws Exception {
        online("alice", "bob");
        String id = callId("alice", List.of(BOB));
        act("bob", "accept", id);
        send("POST", "/api/calls/" + id + "/join", tokens.of("bob"), null);

        List<Object> outcomes = race(() -> send("POST", "/api/calls/" + id + "/leave", tokens.of("alice"), null).statusCode(),
                () -> send("POST", "/api/calls/" + id + "/leave", tokens.of("bob"), null).statusCode());

        assertThat(outcomes).containsExactly(200, 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> processInstances(id) == 0 && jobs(id) == 0);
        assertThat(events(id, "participant.left")).isEqualTo(2);
        assertThat(events(id, "call.ended")).isEqualTo(1);
        assertThat(jdbc.sql("select participant_count from meeting_summary where meeting_id = :c").param("c", id)
                .query(Integer.class).single()).isEqualTo(2);
    }

    private List<Job> ringTimeouts(String callId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(InstantCallProcess.RING_KEY)
                .processInstanceBusinessKey(callId).list().stream()
                .flatMap(ring -> management.createJobQuery().processInstanceId(ring.getId())
                        .activityId(InstantCallProcess.Elements.RING_TIMEOUT).list().stream())
                .toList();
    }

    private long ringInstances(String callId) {
        return jdbc.sql("""
                select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
                where e.business_key_ = :c and d.key_ = 'call-ring' and e.parent_id_ is null""")
                .param("c", callId).query(Long.class).single();
    }

    /** Runs both at the same instant (a latch opens for both), returns their results in order. */
    private List<Object> race(Callable<Object> first, Callable<Object> second) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Future<Object> a = threads.submit(() -> {
            go.await();
            return first.call();
        });
        Future<Object> b = threads.submit(() -> {
            go.await();
            return second.call();
        });
        go.countDown();
        return List.of(a.get(), b.get());
    }

}
