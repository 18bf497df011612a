package io.convene.processes.webhook;

import static io.convene.processes.webhook.WebhookDeliveryProcess.Elements;
import static io.convene.processes.webhook.WebhookDeliveryProcess.Outcomes;
import static io.convene.processes.webhook.WebhookDeliveryProcess.Reasons;
import static io.convene.processes.webhook.WebhookDeliveryProcess.Variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.convene.processes.ProcessModels;
import io.convene.processes.webhook.WebhookRetryTasks.RetryTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of webhook-delivery on Camunda's clock. The retries are completed through
 * {@link WebhookRetryTasks}, as the external-task worker does; each wait's due date is asserted.
 */
@Deployment(resources = WebhookDeliveryProcess.RESOURCE)
class WebhookDeliveryProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9)
            .build();

    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final UUID DELIVERY = UUID.fromString("00000000-0000-4000-8000-0000000000d1");
    private static final UUID WEBHOOK = UUID.fromString("00000000-0000-4000-8000-0000000000e1");
    private static final String WORKER = "test-worker";
    private static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    /** "deliveryId reason" per call of the give-up worker. */
    private final List<String> givenUp = new ArrayList<>();
    private WebhookRetryTasks tasks;
    private Instant now = NOW;
    private String editedDeployment;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        tasks = new WebhookRetryTasks(engine.getProcessEngine().getExternalTaskService());
        Mocks.register(WebhookDeliveryProcess.Workers.GIVE_UP, (JavaDelegate) e ->
                givenUp.add(e.getVariable(Variables.DELIVERY) + " " + e.getVariable(Variables.REASON)));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        if (editedDeployment != null) {
            engine.getProcessEngine().getRepositoryService().deleteDeployment(editedDeployment, true);
        }
    }

    @Test
    void a_delivery_that_succeeds_on_the_third_attempt_is_retried_after_5_s_and_5_min_more() {
        ProcessInstance delivery = start();

        retryAfterWaiting(delivery, Duration.ofSeconds(5), Outcomes.FAILED, null);
        retryAfterWaiting(delivery, Duration.ofMinutes(5), Outcomes.DELIVERED, null);

        assertThat(delivery).hasPassed(Elements.DELIVERED, Elements.SETTLED).isEnded();
        assertThat(givenUp).isEmpty();
    }

    @Test
    void a_delivery_failing_every_retry_waits_the_whole_schedule_and_is_given_up_as_exhausted_after_the_7th() {
        ProcessInstance delivery = start();

        for (Duration wait : SCHEDULE) {
            retryAfterWaiting(delivery, wait, Outcomes.FAILED, null);
        }

        assertThat(delivery).hasPassed(Elements.EXHAUSTED, Elements.GAVE_UP_EXHAUSTED).isWaitingAt(Elements.GIVE_UP);
        assertThat(givenUp).as("not before its own job runs").isEmpty();
        runAsync(delivery, Elements.GIVE_UP);
        assertThat(givenUp).containsExactly(DELIVERY + " " + Reasons.EXHAUSTED);
        assertThat(delivery).hasPassed(Elements.WEBHOOK_DISABLED).isEnded();
        assertThat(engine.getProcessEngine().getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(delivery.getId()).activityId(Elements.RETRY).count()).isEqualTo(7);
        assertThat(runtimeService().createIncidentQuery().count()).as("exhaustion is no incident").isZero();
    }

    @Test
    void a_410_gone_gives_the_delivery_up_at_once() {
        ProcessInstance delivery = start();

        retryAfterWaiting(delivery, Duration.ofSeconds(5), Outcomes.GONE, null);

        assertThat(delivery).hasPassed(Elements.GONE, Elements.GAVE_UP_GONE).isWaitingAt(Elements.GIVE_UP);
        assertThat(backOffTimers(delivery)).isEmpty();
        runAsync(delivery, Elements.GIVE_UP);
        assertThat(givenUp).containsExactly(DELIVERY + " " + Reasons.GONE);
        assertThat(delivery).hasPassed(Elements.WEBHOOK_DISABLED).isEnded();
    }

    @Test
    void a_retry_skipped_because_the_webhook_is_disabled_ends_without_giving_up() {
        ProcessInstance delivery = start();

        retryAfterWaiting(delivery, Duration.ofSeconds(5), Outcomes.FAILED, null);
        retryAfterWaiting(delivery, Duration.ofMinutes(5), Outcomes.SKIPPED, null);

        assertThat(delivery).hasPassed(Elements.SKIPPED, Elements.SETTLED).hasNotPassed(Elements.GIVE_UP).isEnded();
        assertThat(givenUp).isEmpty();
    }

    @Test
    void a_Retry_After_of_PT42S_replaces_one_wait_and_the_next_wait_follows_the_schedule_again() {
        ProcessInstance delivery = start();

        retryAfterWaiting(delivery, Duration.ofSeconds(5), Outcomes.FAILED, Duration.ofSeconds(42));
        retryAfterWaiting(delivery, Duration.ofSeconds(42), Outcomes.FAILED, null);
        retryAfterWaiting(delivery, Duration.ofMinutes(30), Outcomes.DELIVERED, null);

        assertThat(delivery).hasPassed(Elements.DELIVERED).isEnded();
    }

    @Test
    void an_analyst_who_changes_PT5S_to_PT10S_moves_the_first_wait() {
        editedDeployment = ProcessModels.deployEdited(engine.getProcessEngine().getRepositoryService(),
                WebhookDeliveryProcess.RESOURCE, ">PT5S<", ">PT10S<");

        ProcessInstance delivery = start();

        assertThat(backOffTimers(delivery)).extracting(job -> job.getDuedate().toInstant())
                .containsExactly(NOW.plusSeconds(10));
    }

    @Test
    void a_worker_failure_reported_with_no_tries_left_is_an_incident_on_the_retry_task_not_a_give_up() {
        ProcessInstance delivery = start();
        fireBackOff(delivery, Duration.ofSeconds(5));

        RetryTask task = lockOne();
        tasks.fail(task, WORKER, "NullPointerException", "stack trace", 0, Duration.ofMinutes(1));

        assertThat(runtimeService().createIncidentQuery().processInstanceId(delivery.getId()).singleResult())
                .extracting(incident -> incident.getActivityId()).isEqualTo(Elements.RETRY);
        assertThat(delivery).isWaitingAt(Elements.RETRY);
        assertThat(givenUp).isEmpty();
    }

    @Test
    void an_outcome_the_model_does_not_know_fails_the_completion_and_the_retry_stays_open() {
        ProcessInstance delivery = start();
        fireBackOff(delivery, Duration.ofSeconds(5));
        RetryTask task = lockOne();

        assertThatThrownBy(() -> tasks.complete(task, WORKER, "MAYBE", null)).isInstanceOf(ProcessEngineException.class);

        assertThat(delivery).isWaitingAt(Elements.RETRY);
    }

    // ---- helpers

    private ProcessInstance start() {
        new WebhookDeliveryGateway(runtimeService()).start(DELIVERY, WEBHOOK);
        ProcessInstance delivery = runtimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(DELIVERY.toString()).singleResult();
        assertThat(delivery).isWaitingAt(Elements.BACK_OFF);
        return delivery;
    }

    /** Asserts the back-off timer is due exactly {@code wait} from now, fires it, and completes the retry as the worker would. */
    private void retryAfterWaiting(ProcessInstance delivery, Duration wait, String outcome, Duration retryAfter) {
        fireBackOff(delivery, wait);
        tasks.complete(lockOne(), WORKER, outcome, retryAfter);
    }

    private void fireBackOff(ProcessInstance delivery, Duration wait) {
        List<Job> timers = backOffTimers(delivery);
        assertThat(timers).extracting(job -> job.getDuedate().toInstant()).containsExactly(now.plus(wait));
        now = now.plus(wait);
        ClockUtil.setCurrentTime(Date.from(now));
        execute(timers.get(0));
        assertThat(delivery).isWaitingAt(Elements.RETRY);
    }

    private RetryTask lockOne() {
        List<RetryTask> locked = tasks.lock(WORKER, 20, Duration.ofSeconds(60));
        assertThat(locked).hasSize(1);
        assertThat(locked.get(0).deliveryId()).isEqualTo(DELIVERY);
        return locked.get(0);
    }

    private List<Job> backOffTimers(ProcessInstance delivery) {
        return managementService().createJobQuery().processInstanceId(delivery.getId()).timers()
                .activityId(Elements.BACK_OFF).list();
    }

    private void runAsync(ProcessInstance delivery, String activity) {
        Job job = managementService().createJobQuery().processInstanceId(delivery.getId()).activityId(activity).singleResult();
        assertThat(job).as("job before " + activity).isNotNull();
        execute(job);
    }
}
