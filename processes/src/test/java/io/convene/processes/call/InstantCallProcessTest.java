package io.convene.processes.call;

import static io.convene.processes.call.InstantCallProcess.Elements;
import static io.convene.processes.call.InstantCallProcess.Messages;
import static io.convene.processes.call.InstantCallProcess.Variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.convene.processes.ProcessModels;
import java.time.Duration;
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

/** Every path of instant-call and call-ring, on Camunda's clock. */
@Deployment(resources = {InstantCallProcess.RESOURCE, InstantCallProcess.RING_RESOURCE})
class InstantCallProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9)
            .build();

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final String CALL = "call_00000000-0000-4000-8000-000000000001";
    private static final String CALLER = "alice";

    private final List<String> rung = new ArrayList<>();
    private final List<String> missed = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();
    private final List<String> cleanedUp = new ArrayList<>();
    private final List<String> hungUp = new ArrayList<>();
    /** What the check after the rings answers: did every callee decline or miss, leaving the caller alone? */
    private boolean callerAlone;
    private String editedDeployment;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register(InstantCallProcess.Workers.RING, (JavaDelegate) e -> rung.add((String) e.getVariable(Variables.CALLEE)));
        Mocks.register(InstantCallProcess.Workers.REPORT_MISSED, (JavaDelegate) e -> missed.add((String) e.getVariable(Variables.CALLEE)));
        Mocks.register("closeMeeting", (JavaDelegate) e -> closed.add(e.getProcessBusinessKey()));
        Mocks.register("cleanupMeeting", (JavaDelegate) e -> cleanedUp.add(e.getProcessBusinessKey()));
        Mocks.register(InstantCallProcess.Workers.CHECK_CALLER_ALONE,
                (JavaDelegate) e -> e.setVariableLocal(Variables.CALLER_ALONE, callerAlone));
        Mocks.register(InstantCallProcess.Workers.HANG_UP, (JavaDelegate) e -> hungUp.add(e.getProcessBusinessKey()));
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
    void every_online_invitee_is_rung_in_parallel_for_30_seconds() {
        ProcessInstance call = startCall("bob", "carol");

        assertThat(rung).containsExactlyInAnyOrder("bob", "carol");
        assertThat(rings()).hasSize(2);
        assertThat(ringTimers()).extracting(job -> job.getDuedate().toInstant()).containsOnly(NOW.plusSeconds(30));
        assertThat(call).isWaitingAt(Elements.RING_INVITEES);
    }

    @Test
    void an_accepted_ring_ends_without_a_missed_call() {
        ProcessInstance call = startCall("bob");

        ring("bob", Messages.RING_ACCEPTED);

        assertThat(rings()).isEmpty();
        assertThat(ringTimers()).isEmpty();
        assertThat(missed).isEmpty();
        assertThat(call).isWaitingAt(Elements.CHECK_CALLER_ALONE);
        runAsync(call, Elements.CHECK_CALLER_ALONE);
        assertThat(call).isWaitingAt(Elements.IN_CALL);
        assertThat(hungUp).isEmpty();
    }

    @Test
    void a_declined_ring_ends_and_the_others_keep_ringing() {
        startCall("bob", "carol");

        ring("bob", Messages.RING_DECLINED);

        assertThat(rings()).hasSize(1);
        assertThat(missed).isEmpty();
    }

    @Test
    void a_ring_nobody_answers_times_out_after_30_seconds_once() {
        ProcessInstance call = startCall("bob");

        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(30)));
        execute(ringTimers().get(0));

        assertThat(missed).containsExactly("bob");
        assertThat(rings()).isEmpty();
        assertThat(call).isWaitingAt(Elements.CHECK_CALLER_ALONE);
    }

    @Test
    void when_the_caller_hangs_up_while_ringing_the_rings_stop_and_the_call_is_cleaned_up() {
        ProcessInstance call = startCall("bob", "carol");

        end();
        runAsync(call, Elements.CLEANUP);

        assertThat(rings()).isEmpty();
        assertThat(ringTimers()).isEmpty();
        assertThat(missed).isEmpty();
        assertThat(closed).as("whoever ended it recorded its end: nothing to close").isEmpty();
        assertThat(call).hasNotPassed(Elements.CLOSE);
        assertThat(cleanedUp).containsExactly(CALL);
        assertThat(call).isEnded();
    }

    @Test
    void a_live_invite_rings_the_new_person_by_the_same_rules_in_the_same_call() {
        ProcessInstance call = startCall("bob");
        ring("bob", Messages.RING_ACCEPTED);
        runAsync(call, Elements.CHECK_CALLER_ALONE);

        runtimeService().createMessageCorrelation(Messages.INVITE).processInstanceBusinessKey(CALL)
                .setVariableToTriggeredScope(Variables.CALLEE, "dave").correlate();

        assertThat(rung).containsExactly("bob", "dave");
        Job timer = ringTimers().get(0);
        assertThat(timer.getDuedate().toInstant()).isEqualTo(NOW.plusSeconds(30));
        execute(timer);
        assertThat(missed).containsExactly("dave");
        assertThat(runtimeService().getVariable(call.getId(), Variables.CALLEE))
                .as("the invitee is the event subprocess's, not the call's").isNull();
        runAsync(call, Elements.CHECK_CALLER_ALONE_AFTER_LATE_RING);
        assertThat(call).isWaitingAt(Elements.IN_CALL);
        assertThat(call).hasPassed("EndEvent_LateInviteeRung");
        assertThat(hungUp).isEmpty();
    }

    @Test
    void the_last_leave_ends_the_call_and_deletes_it_at_once() {
        ProcessInstance call = startCall("bob");
        ring("bob", Messages.RING_ACCEPTED);
        runAsync(call, Elements.CHECK_CALLER_ALONE);

        end();
        runAsync(call, Elements.CLEANUP);

        assertThat(cleanedUp).containsExactly(CALL);
        assertThat(closed).as("the end was recorded by the last leave").isEmpty();
        assertThat(call).hasNotPassed(Elements.CLOSE).isEnded();
    }

    @Test
    void a_call_is_closed_after_4_hours_at_most() {
        ProcessInstance call = startCall("bob");
        ring("bob", Messages.RING_ACCEPTED);
        runAsync(call, Elements.CHECK_CALLER_ALONE);
        Job maximum = managementService().createJobQuery().processInstanceId(call.getId()).timers().singleResult();
        assertThat(maximum.getDuedate().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(4)));

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofHours(4))));
        execute(maximum);
        runAsync(call, Elements.CLOSE);
        runAsync(call, Elements.CLEANUP);

        assertThat(closed).containsExactly(CALL);
        assertThat(call).isEnded();
    }

    @Test
    void a_call_with_nobody_to_ring_leaves_the_caller_alone_and_is_hung_up() {
        callerAlone = true;
        ProcessInstance call = startCall();

        runAsync(call, Elements.CHECK_CALLER_ALONE);
        runAsync(call, Elements.HANG_UP);
        runAsync(call, Elements.CLEANUP_UNANSWERED);

        assertThat(rung).isEmpty();
        assertThat(hungUp).containsExactly(CALL);
        assertThat(cleanedUp).containsExactly(CALL);
        assertThat(call).isEnded();
    }

    @Test
    void when_every_callee_declines_the_caller_left_alone_hangs_up_and_the_call_is_deleted_at_once() {
        callerAlone = true;
        ProcessInstance call = startCall("bob", "carol");

        ring("bob", Messages.RING_DECLINED);
        ring("carol", Messages.RING_DECLINED);
        runAsync(call, Elements.CHECK_CALLER_ALONE);

        assertThat(call).isWaitingAt(Elements.HANG_UP);
        assertThat(call).hasPassed("EndEvent_CallerAlone", "StartEvent_CallerLeftAlone");
        runAsync(call, Elements.HANG_UP);
        runAsync(call, Elements.CLEANUP_UNANSWERED);
        assertThat(hungUp).containsExactly(CALL);
        assertThat(cleanedUp).containsExactly(CALL);
        assertThat(closed).as("hanging up closes it; the close of an ended call is not needed").isEmpty();
        assertThat(call).isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(call.getId()).count()).isZero();
    }

    @Test
    void when_the_last_ring_times_out_with_the_caller_alone_the_call_is_hung_up() {
        callerAlone = true;
        ProcessInstance call = startCall("bob");

        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(30)));
        execute(ringTimers().get(0));
        runAsync(call, Elements.CHECK_CALLER_ALONE);
        runAsync(call, Elements.HANG_UP);
        runAsync(call, Elements.CLEANUP_UNANSWERED);

        assertThat(missed).containsExactly("bob");
        assertThat(hungUp).containsExactly(CALL);
        assertThat(call).isEnded();
    }

    @Test
    void a_late_ring_that_leaves_the_caller_alone_hangs_up_the_call_and_stops_its_4_hour_timer() {
        ProcessInstance call = startCall("bob");
        ring("bob", Messages.RING_DECLINED);
        runAsync(call, Elements.CHECK_CALLER_ALONE); // a ring was still going on: not alone yet
        assertThat(call).isWaitingAt(Elements.IN_CALL);
        runtimeService().createMessageCorrelation(Messages.INVITE).processInstanceBusinessKey(CALL)
                .setVariableToTriggeredScope(Variables.CALLEE, "dave").correlate();

        callerAlone = true;
        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(30)));
        execute(ringTimers().get(0));
        runAsync(call, Elements.CHECK_CALLER_ALONE_AFTER_LATE_RING);

        assertThat(call).isWaitingAt(Elements.HANG_UP);
        assertThat(call).hasPassed("EndEvent_CallerAloneAfterLateRing");
        assertThat(managementService().createJobQuery().processInstanceId(call.getId())
                .activityId(Elements.CALL_MAXIMUM).count()).as("the main flow was interrupted").isZero();
        runAsync(call, Elements.HANG_UP);
        runAsync(call, Elements.CLEANUP_UNANSWERED);
        assertThat(missed).containsExactly("dave");
        assertThat(hungUp).containsExactly(CALL);
        assertThat(call).isEnded();
    }

    @Test
    void an_analyst_who_changes_PT30S_to_PT45S_moves_the_ring_timeout() {
        editedDeployment = ProcessModels.deployEdited(engine.getProcessEngine().getRepositoryService(),
                InstantCallProcess.RING_RESOURCE, ">PT30S<", ">PT45S<");

        startCall("bob");

        assertThat(ringTimers()).extracting(job -> job.getDuedate().toInstant()).containsExactly(NOW.plusSeconds(45));
    }

    // ---- helpers

    private ProcessInstance startCall(String... ringees) {
        return runtimeService().startProcessInstanceByKey(InstantCallProcess.KEY, CALL,
                Map.of(Variables.RINGEES, List.of(ringees), Variables.CALLER, CALLER));
    }

    private List<ProcessInstance> rings() {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(InstantCallProcess.RING_KEY).list();
    }

    private List<Job> ringTimers() {
        return managementService().createJobQuery().timers().activityId(Elements.RING_TIMEOUT).list();
    }

    private void ring(String callee, String message) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(CALL)
                .processInstanceVariableEquals(Variables.CALLEE, callee).correlateWithResult();
    }

    private void end() {
        runtimeService().createMessageCorrelation(Messages.ENDED).processInstanceBusinessKey(CALL).correlate();
    }

    private void runAsync(ProcessInstance call, String activity) {
        Job job = managementService().createJobQuery().processInstanceId(call.getId()).activityId(activity).singleResult();
        assertThat(job).as("job before " + activity).isNotNull();
        execute(job);
    }
}
