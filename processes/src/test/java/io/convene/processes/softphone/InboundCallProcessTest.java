package io.convene.processes.softphone;

import static io.convene.processes.softphone.InboundCallProcess.Elements;
import static io.convene.processes.softphone.InboundCallProcess.Messages;
import static io.convene.processes.softphone.InboundCallProcess.Variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.convene.processes.ProcessModels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
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

@Deployment(resources = InboundCallProcess.RESOURCE)
class InboundCallProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9)
            .build();

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** What the missed-call worker was asked: "callLogId/missedReason". */
    private final List<String> missed = new ArrayList<>();

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register(InboundCallProcess.Workers.RECORD_MISSED, (JavaDelegate) execution -> missed.add(
                execution.getVariable(Variables.CALL_LOG_ID) + "/" + execution.getVariable(Variables.MISSED_REASON)));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void a_ringing_call_waits_for_an_answer_with_a_45_second_timer() {
        ProcessInstance call = ring("cl-1");

        assertThat(call).isWaitingAt(Elements.RINGING);
        assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(call.getId()).list())
                .extracting(s -> s.getEventName()).containsExactlyInAnyOrder(Messages.ANSWERED, Messages.DECLINED,
                        Messages.CALLER_HUNG_UP, Messages.FAILED);
        assertThat(noAnswerTimer().getDuedate().toInstant()).isEqualTo(NOW.plusSeconds(45));
    }

    @Test
    void an_answered_call_ends_talking_and_no_timer_is_left() {
        ProcessInstance call = ring("cl-2");

        correlate(Messages.ANSWERED, "cl-2", Map.of());

        assertThat(call).isEnded().hasPassed(Elements.END_ANSWERED);
        assertThat(jobQuery().count()).isZero();
        assertThat(missed).isEmpty();
    }

    @Test
    void a_declined_call_ends_declined_without_a_missed_call() {
        ProcessInstance call = ring("cl-3");

        correlate(Messages.DECLINED, "cl-3", Map.of());

        assertThat(call).isEnded().hasPassed(Elements.END_DECLINED);
        assertThat(missed).isEmpty();
    }

    @Test
    void a_call_that_fails_while_ringing_ends_failed_without_a_missed_call() {
        ProcessInstance call = ring("cl-4");

        correlate(Messages.FAILED, "cl-4", Map.of());

        assertThat(call).isEnded().hasPassed(Elements.END_FAILED);
        assertThat(missed).isEmpty();
    }

    @Test
    void nobody_answering_for_45_seconds_makes_it_a_missed_call_exactly_once() {
        ProcessInstance call = ring("cl-5");
        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(44)));
        assertThat(managementService().createJobQuery().timers().duedateLowerThan(ClockUtil.getCurrentTime()).count())
                .as("not due after 44 s").isZero();

        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(45)));
        execute(noAnswerTimer());
        assertThat(call).isWaitingAt(Elements.RECORD_MISSED); // its own job: retried on failure, visible in Cockpit
        execute(jobQuery().singleResult());

        assertThat(call).isEnded().hasPassed(Elements.NO_ANSWER, Elements.RECORD_MISSED, Elements.END_MISSED);
        assertThat(missed).containsExactly("cl-5/no_answer");
    }

    @Test
    void the_caller_hanging_up_before_an_answer_is_a_missed_call_with_its_reason() {
        ProcessInstance call = ring("cl-6");

        correlate(Messages.CALLER_HUNG_UP, "cl-6", Map.of(Variables.MISSED_REASON, InboundCallProcess.CALLER_HUNG_UP));
        execute(jobQuery().singleResult());

        assertThat(call).isEnded().hasPassed(Elements.CALLER_HUNG_UP, Elements.END_MISSED).hasNotPassed(Elements.NO_ANSWER);
        assertThat(missed).containsExactly("cl-6/caller_hung_up");
    }

    @Test
    void an_analyst_who_changes_PT45S_to_PT20S_makes_calls_missed_after_20_seconds() {
        String edited = ProcessModels.deployEdited(repositoryService(), InboundCallProcess.RESOURCE, ">PT45S<", ">PT20S<");
        ProcessInstance call = ring("cl-7");

        Job timer = noAnswerTimer();
        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(20)));
        execute(timer);
        execute(jobQuery().singleResult());

        assertThat(timer.getDuedate().toInstant()).isEqualTo(NOW.plusSeconds(20));
        assertThat(call).isEnded().hasPassed(Elements.END_MISSED);
        assertThat(missed).containsExactly("cl-7/no_answer");
        repositoryService().deleteDeployment(edited, true);
    }

    private static ProcessInstance ring(String callLogId) {
        return runtimeService().startProcessInstanceByKey(InboundCallProcess.KEY, callLogId, Map.of(
                Variables.CALL_LOG_ID, callLogId, Variables.USER, "alice", Variables.MISSED_REASON, InboundCallProcess.NO_ANSWER));
    }

    private static void correlate(String message, String callLogId, Map<String, Object> variables) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(callLogId).setVariables(variables)
                .correlate();
    }

    private static Job noAnswerTimer() {
        return managementService().createJobQuery().timers().activityId(Elements.NO_ANSWER).singleResult();
    }
}
