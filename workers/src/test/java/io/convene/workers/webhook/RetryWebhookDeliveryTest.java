package io.convene.workers.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.convene.application.webhook.WebhookRetries;
import io.convene.application.webhook.WebhookRetries.Outcome;
import io.convene.application.webhook.WebhookRetries.RetryResult;
import io.convene.processes.webhook.WebhookDeliveryProcess;
import io.convene.processes.webhook.WebhookRetryTasks;
import io.convene.processes.webhook.WebhookRetryTasks.RetryTask;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The retry worker's completion logic (outcome mapping, failures) and its poller, on mocks. */
class RetryWebhookDeliveryTest {

    private static final UUID DELIVERY = UUID.fromString("00000000-0000-4000-8000-0000000000d1");
    private static final RetryTask TASK = new RetryTask("task-1", DELIVERY, null);
    private static final RetryWorkerProperties SETTINGS =
            new RetryWorkerProperties(Duration.ofMillis(20), Duration.ofSeconds(60), 20, 2);

    private final WebhookRetries retries = mock(WebhookRetries.class);
    private final WebhookRetryTasks tasks = mock(WebhookRetryTasks.class);
    private final RetryWebhookDelivery worker = new RetryWebhookDelivery(retries, tasks, SETTINGS);

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void each_outcome_completes_the_task_with_its_name_and_no_Retry_After(Outcome outcome) {
        when(retries.retry(DELIVERY)).thenReturn(new RetryResult(outcome, null));

        worker.handle(TASK);

        verify(tasks).complete(TASK, worker.workerId(), outcome.name(), null);
        verify(tasks, never()).fail(any(), anyString(), anyString(), anyString(), anyInt(), any());
    }

    @Test
    void a_Retry_After_is_passed_on_for_the_next_wait() {
        when(retries.retry(DELIVERY)).thenReturn(new RetryResult(Outcome.FAILED, Duration.ofSeconds(42)));

        worker.handle(TASK);

        verify(tasks).complete(TASK, worker.workerId(), "FAILED", Duration.ofSeconds(42));
    }

    @Test
    void every_outcome_of_the_use_case_is_one_the_model_knows() throws IllegalAccessException {
        List<Object> known = new ArrayList<>();
        for (Field field : WebhookDeliveryProcess.Outcomes.class.getFields()) {
            known.add(field.get(null));
        }

        assertThat(known).containsExactlyInAnyOrderElementsOf(Arrays.stream(Outcome.values()).map(Enum::name).toList());
    }

    @ParameterizedTest(name = "retries {0} → {1} left")
    @CsvSource(value = {"null, 2", "2, 1", "1, 0"}, nullValues = "null")
    void a_worker_that_throws_reports_a_failure_with_one_try_less_so_the_third_is_an_incident(Integer retriesBefore,
                                                                                            int left) {
        RetryTask task = new RetryTask("task-1", DELIVERY, retriesBefore);
        when(retries.retry(DELIVERY)).thenThrow(new IllegalStateException("bug"));

        worker.handle(task);

        verify(tasks).fail(eq(task), eq(worker.workerId()), eq("java.lang.IllegalStateException: bug"),
                startsWith("java.lang.IllegalStateException: bug"), eq(left), eq(Duration.ofMinutes(1)));
        verify(tasks, never()).complete(any(), anyString(), anyString(), any());
    }

    @Test
    void a_completion_the_engine_refuses_is_reported_as_a_failure() {
        when(retries.retry(DELIVERY)).thenReturn(new RetryResult(Outcome.DELIVERED, null));
        doThrow(new IllegalArgumentException("no outgoing flow")).when(tasks)
                .complete(TASK, worker.workerId(), "DELIVERED", null);

        worker.handle(TASK);

        verify(tasks).fail(eq(TASK), eq(worker.workerId()), anyString(), anyString(), eq(2), eq(Duration.ofMinutes(1)));
    }

    @Test
    void a_failure_that_cannot_be_recorded_is_only_logged() {
        when(retries.retry(DELIVERY)).thenThrow(new IllegalStateException("bug"));
        doThrow(new IllegalStateException("lock lost")).when(tasks)
                .fail(any(), anyString(), anyString(), anyString(), anyInt(), any());

        worker.handle(TASK); // no exception escapes to the pool

        verify(tasks).fail(any(), anyString(), anyString(), anyString(), anyInt(), any());
    }

    @Test
    void a_poll_asks_for_the_free_slots_only_and_holds_its_lock_for_the_configured_time() {
        when(tasks.lock(anyString(), anyInt(), any())).thenReturn(List.of());

        worker.poll(mock(ExecutorService.class));

        verify(tasks).lock(worker.workerId(), 20, Duration.ofSeconds(60));
    }

    @Test
    void a_failing_fetch_is_logged_and_the_next_poll_tries_again() {
        when(tasks.lock(anyString(), anyInt(), any())).thenThrow(new IllegalStateException("database away"))
                .thenReturn(List.of());

        worker.poll(mock(ExecutorService.class));
        worker.poll(mock(ExecutorService.class));

        verify(tasks, times(2)).lock(worker.workerId(), 20, Duration.ofSeconds(60));
    }

    @Test
    void started_it_fetches_sends_outside_the_poller_and_completes_and_stops_cleanly() {
        when(tasks.lock(anyString(), anyInt(), any())).thenReturn(List.of(TASK)).thenReturn(List.of());
        when(retries.retry(DELIVERY)).thenReturn(new RetryResult(Outcome.DELIVERED, null));

        worker.start();
        try {
            verify(tasks, timeout(5_000)).complete(TASK, worker.workerId(), "DELIVERED", null);
            assertThat(worker.isRunning()).isTrue();
        } finally {
            worker.stop();
        }

        assertThat(worker.isRunning()).isFalse();
        verify(retries).retry(DELIVERY);
        verify(tasks, never()).fail(any(), anyString(), anyString(), anyString(), anyInt(), any());
    }

    @Test
    void the_worker_id_names_this_node() {
        assertThat(worker.workerId()).startsWith("webhook-retry:").contains("@");
    }
}
