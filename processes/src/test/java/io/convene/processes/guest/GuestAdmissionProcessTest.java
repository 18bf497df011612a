package io.convene.processes.guest;

import static io.convene.processes.guest.GuestAdmissionProcess.Elements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.convene.processes.ProcessModels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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

/** Every path of guest-admission, on Camunda's clock. */
@Deployment(resources = GuestAdmissionProcess.RESOURCE)
class GuestAdmissionProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9)
            .build();

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final String SESSION = "6b1c7c1e-0000-4000-8000-000000000001";
    private static final String OTHER_SESSION = "6b1c7c1e-0000-4000-8000-000000000002";
    private static final String MEETING = "mtg_00000000-0000-4000-8000-000000000001";
    private static final String OTHER_MEETING = "mtg_00000000-0000-4000-8000-000000000002";

    private final List<String> calls = new ArrayList<>();
    private GuestAdmissionGateway gateway;
    private String editedDeployment;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        gateway = new GuestAdmissionGateway(runtimeService(), repositoryService());
        for (String worker : List.of(GuestAdmissionProcess.Workers.NOTIFY, GuestAdmissionProcess.Workers.EXPIRE,
                GuestAdmissionProcess.Workers.WARN, GuestAdmissionProcess.Workers.REMOVE,
                GuestAdmissionProcess.Workers.END_SESSION)) {
            Mocks.register(worker, (JavaDelegate) execution -> calls.add(worker + ":"
                    + execution.getVariable(GuestAdmissionProcess.Variables.SESSION) + ":"
                    + execution.getVariable(GuestAdmissionProcess.Variables.REQUEST)));
        }
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        if (editedDeployment != null) {
            repositoryService().deleteDeployment(editedDeployment, true);
        }
    }

    @Test
    void a_request_tells_everyone_inside_and_an_admission_puts_the_guest_in_the_meeting() {
        ProcessInstance session = register(SESSION, MEETING);
        assertThat(session).isWaitingAt(Elements.AWAIT_REQUEST);

        gateway.requested(SESSION, "req-1");

        assertThat(calls).containsExactly("notifyGuestWaiting:" + SESSION + ":req-1");
        assertThat(session).isWaitingAt(Elements.ANSWER);
        gateway.admitted(SESSION);
        assertThat(session).isWaitingAt(Elements.ALL_INTERNAL_LEFT);
        assertThat(timers(session)).extracting(this::activityOf).containsExactly(Elements.SESSION_MAXIMUM);
    }

    @Test
    void a_declined_guest_may_ask_again_and_nothing_expires() {
        ProcessInstance session = register(SESSION, MEETING);
        gateway.requested(SESSION, "req-1");

        gateway.declined(SESSION);

        assertThat(session).isWaitingAt(Elements.AWAIT_REQUEST);
        assertThat(timers(session)).extracting(this::activityOf).containsExactly(Elements.SESSION_MAXIMUM);
        gateway.requested(SESSION, "req-2");
        assertThat(calls).containsExactly("notifyGuestWaiting:" + SESSION + ":req-1",
                "notifyGuestWaiting:" + SESSION + ":req-2");
    }

    @Test
    void an_unanswered_request_expires_after_10_minutes() {
        ProcessInstance session = register(SESSION, MEETING);
        gateway.requested(SESSION, "req-1");
        assertThat(timer(session, Elements.REQUEST_EXPIRED).getDuedate().toInstant())
                .isEqualTo(NOW.plus(Duration.ofMinutes(10)));

        fire(session, Elements.REQUEST_EXPIRED, NOW.plus(Duration.ofMinutes(10)));
        runAsync(session, Elements.EXPIRE_REQUEST);

        assertThat(calls).containsExactly("notifyGuestWaiting:" + SESSION + ":req-1",
                "expireGuestRequest:" + SESSION + ":req-1");
        assertThat(session).isWaitingAt(Elements.AWAIT_REQUEST);
        gateway.admitted(SESSION); // a late answer finds nothing to answer
        assertThat(session).isWaitingAt(Elements.AWAIT_REQUEST);
    }

    @Test
    void when_the_last_internal_participant_leaves_the_guest_is_warned_then_removed_after_5_minutes() {
        ProcessInstance session = admitted(SESSION, MEETING);

        gateway.allInternalLeft(MEETING);

        assertThat(calls).endsWith("warnGuest:" + SESSION + ":req-1");
        assertThat(timer(session, Elements.GRACE).getDuedate().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        fire(session, Elements.GRACE, NOW.plus(Duration.ofMinutes(5)));
        runAsync(session, Elements.REMOVE);
        assertThat(calls).endsWith("removeGuest:" + SESSION + ":req-1");
        assertThat(session).hasPassed(Elements.REMOVED, Elements.SESSION_CLOSED).isEnded();
    }

    @Test
    void an_internal_participant_rejoining_within_the_grace_cancels_the_removal() {
        ProcessInstance session = admitted(SESSION, MEETING);
        gateway.allInternalLeft(MEETING);

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofMinutes(4))));
        gateway.internalRejoined(MEETING);

        assertThat(session).isWaitingAt(Elements.ALL_INTERNAL_LEFT);
        assertThat(timers(session)).extracting(this::activityOf).containsExactly(Elements.SESSION_MAXIMUM);
        gateway.allInternalLeft(MEETING); // they leave again: a new warning, a new full grace
        assertThat(calls.stream().filter(c -> c.startsWith("warnGuest")).count()).isEqualTo(2);
        assertThat(timer(session, Elements.GRACE).getDuedate().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(9)));
    }

    @Test
    void the_last_internal_participant_of_another_meeting_leaving_touches_nobody_here() {
        ProcessInstance here = admitted(SESSION, MEETING);
        ProcessInstance there = register(OTHER_SESSION, OTHER_MEETING);

        gateway.allInternalLeft(OTHER_MEETING);

        assertThat(here).isWaitingAt(Elements.ALL_INTERNAL_LEFT);
        assertThat(there).isWaitingAt(Elements.AWAIT_REQUEST);
        assertThat(calls).noneMatch(c -> c.startsWith("warnGuest"));
    }

    @Test
    void a_session_ends_after_24_hours_whatever_it_is_doing() {
        ProcessInstance session = admitted(SESSION, MEETING);
        assertThat(timer(session, Elements.SESSION_MAXIMUM).getDuedate().toInstant())
                .isEqualTo(NOW.plus(Duration.ofHours(24)));

        fire(session, Elements.SESSION_MAXIMUM, NOW.plus(Duration.ofHours(24)));
        runAsync(session, Elements.END_SESSION_AT_MAXIMUM);

        assertThat(calls).endsWith("endGuestSession:" + SESSION + ":req-1");
        assertThat(session).hasPassed(Elements.SESSION_EXPIRED).isEnded();
    }

    @Test
    void a_session_the_guest_ends_stops_its_clock() {
        ProcessInstance session = register(SESSION, MEETING);
        gateway.requested(SESSION, "req-1");

        gateway.sessionEnded(SESSION);

        assertThat(session).hasPassed(Elements.SESSION_ENDED).isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(session.getId()).count()).isZero();
    }

    @Test
    void an_analyst_shortens_the_request_expiry_in_the_model_and_the_next_request_expires_sooner() {
        editedDeployment = ProcessModels.deployEdited(repositoryService(), GuestAdmissionProcess.RESOURCE,
                "<bpmn:timeDuration xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"bpmn:tFormalExpression\">PT10M</bpmn:timeDuration>",
                "<bpmn:timeDuration xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"bpmn:tFormalExpression\">PT2M</bpmn:timeDuration>");
        ProcessInstance session = register(SESSION, MEETING);

        gateway.requested(SESSION, "req-1");

        assertThat(timer(session, Elements.REQUEST_EXPIRED).getDuedate().toInstant())
                .isEqualTo(NOW.plus(Duration.ofMinutes(2)));
    }

    @Test
    void the_link_window_session_maximum_and_grace_are_read_from_the_newest_model() {
        assertThat(gateway.rules()).isEqualTo(new GuestAdmissionGateway.Rules(Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofHours(24), Duration.ofMinutes(5)));

        editedDeployment = ProcessModels.deployEdited(repositoryService(), GuestAdmissionProcess.RESOURCE,
                "name=\"linkValidBefore\" value=\"PT1H\"", "name=\"linkValidBefore\" value=\"PT2H\"");

        assertThat(gateway.rules().linkValidBefore()).isEqualTo(Duration.ofHours(2));
        assertThat(gateway.rules().linkValidAfter()).isEqualTo(Duration.ofHours(1));
    }

    private ProcessInstance register(String sessionId, String meetingId) {
        gateway.registered(sessionId, meetingId);
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(sessionId).singleResult();
    }

    private ProcessInstance admitted(String sessionId, String meetingId) {
        ProcessInstance session = register(sessionId, meetingId);
        gateway.requested(sessionId, "req-1");
        gateway.admitted(sessionId);
        return session;
    }

    private List<Job> timers(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).timers().list();
    }

    private Job timer(ProcessInstance instance, String activity) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).timers().activityId(activity)
                .singleResult();
    }

    private String activityOf(Job job) {
        return managementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                .getActivityId();
    }

    private void fire(ProcessInstance instance, String activity, Instant at) {
        Job timer = timer(instance, activity);
        assertThat(timer).as("timer at " + activity).isNotNull();
        assertThat(timer.getDuedate().toInstant()).isBeforeOrEqualTo(at);
        ClockUtil.setCurrentTime(Date.from(at));
        execute(timer);
    }

    private void runAsync(ProcessInstance instance, String activity) {
        Job job = managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activity)
                .singleResult();
        assertThat(job).as("job before " + activity).isNotNull();
        execute(job);
    }
}
