package io.convene.processes.meeting;

import static io.convene.processes.meeting.DisconnectLeaveSweepProcess.Elements;
import static io.convene.processes.meeting.DisconnectLeaveSweepProcess.Variables;
import static io.convene.processes.meeting.DisconnectLeaveSweepProcess.Workers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

/** The fallback of "disconnect = leave", on Camunda's clock, with the workers mocked. */
@Deployment(resources = DisconnectLeaveSweepProcess.RESOURCE)
class DisconnectLeaveSweepProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9)
            .build();

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final String CALL = "call_00000000-0000-4000-8000-000000000001";
    private static final String MEETING = "mtg_00000000-0000-4000-8000-000000000002";

    /** What the find task answers. */
    private final List<String> found = new ArrayList<>();
    private final List<String> left = new ArrayList<>();
    private String failing;
    private String editedDeployment;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register(Workers.FIND, (JavaDelegate) e -> e.setVariable(Variables.DEPARTURES, new ArrayList<>(found)));
        Mocks.register(Workers.LEAVE, (JavaDelegate) e -> {
            String departure = (String) e.getVariable(Variables.DEPARTURE);
            if (departure.equals(failing)) {
                throw new IllegalStateException("the database is away");
            }
            left.add(departure);
        });
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
    void every_five_minutes_each_tracked_participant_found_without_a_socket_leaves_in_a_job_of_its_own() {
        found.addAll(List.of(DisconnectLeaveSweepProcess.departure(CALL, "bob"),
                DisconnectLeaveSweepProcess.departure(MEETING, "carol")));
        Job timer = timer();
        assertThat(timer.getDuedate().toInstant()).isBetween(NOW.plus(Duration.ofSeconds(299)), NOW.plus(Duration.ofSeconds(301)));

        ProcessInstance run = fire(timer);
        assertThat(run).isWaitingAt(Elements.FIND); // the timer's job only starts the run: a failing find never stops the cycle
        execute(jobOf(run));
        assertThat(run).isWaitingAt(Elements.LEAVE);
        List<Job> leaves = jobsOf(run);
        assertThat(leaves).hasSize(2);
        leaves.forEach(job -> execute(job));

        assertThat(run).hasPassed(Elements.FIND, Elements.LEAVE).isEnded();
        assertThat(left).containsExactlyInAnyOrder(CALL + " bob", MEETING + " carol");
        assertThat(Duration.between(timer.getDuedate().toInstant(), timer().getDuedate().toInstant()))
                .isBetween(Duration.ofSeconds(298), Duration.ofSeconds(302));
    }

    @Test
    void nobody_found_ends_the_run_at_once() {
        ProcessInstance run = fire(timer());

        execute(jobOf(run));

        assertThat(run).hasPassed(Elements.SWEPT).isEnded();
        assertThat(left).isEmpty();
    }

    @Test
    void a_leave_that_fails_is_retried_a_minute_later_without_holding_the_others_back() {
        String bob = DisconnectLeaveSweepProcess.departure(CALL, "bob");
        failing = DisconnectLeaveSweepProcess.departure(MEETING, "carol");
        found.addAll(List.of(failing, bob));
        ProcessInstance run = fire(timer());
        execute(jobOf(run));
        Instant failedAt = ClockUtil.getCurrentTime().toInstant();

        for (Job job : jobsOf(run)) {
            if (departureOf(job).equals(failing)) {
                assertThatThrownBy(() -> execute(job)).hasMessageContaining("the database is away");
            } else {
                execute(job);
            }
        }

        assertThat(left).containsExactly(bob);
        Job retry = jobsOf(run).get(0);
        assertThat(retry.getRetries()).as("R3/PT1M: two more tries").isEqualTo(2);
        assertThat(retry.getDuedate().toInstant()).isBetween(failedAt.plusSeconds(59), failedAt.plusSeconds(61));
        failing = null;
        execute(retry);
        assertThat(left).containsExactlyInAnyOrder(bob, DisconnectLeaveSweepProcess.departure(MEETING, "carol"));
        assertThat(run).isEnded();
    }

    @Test
    void an_analyst_who_changes_PT5M_to_PT1M_has_the_fallback_run_every_minute() {
        editedDeployment = ProcessModels.deployEdited(engine.getProcessEngine().getRepositoryService(),
                DisconnectLeaveSweepProcess.RESOURCE, ">R/PT5M<", ">R/PT1M<"); // the new version's timer replaces the old
        Job timer = timer();
        assertThat(timer.getDuedate().toInstant()).isBetween(NOW.plusSeconds(59), NOW.plusSeconds(61));

        execute(jobOf(fire(timer)));

        assertThat(Duration.between(timer.getDuedate().toInstant(), timer().getDuedate().toInstant()))
                .isBetween(Duration.ofSeconds(58), Duration.ofSeconds(62));
    }

    @Test
    void a_departure_holds_the_meeting_and_the_user() {
        String departure = DisconnectLeaveSweepProcess.departure(CALL, "a11ce000-0000-4000-8000-000000000001");

        assertThat(DisconnectLeaveSweepProcess.meetingIdOf(departure)).isEqualTo(CALL);
        assertThat(DisconnectLeaveSweepProcess.userIdOf(departure)).isEqualTo("a11ce000-0000-4000-8000-000000000001");
    }

    /** The cycle's one timer (the start event's). */
    private static Job timer() {
        return managementService().createJobQuery().timers().singleResult();
    }

    /** Fires the cycle's timer at its due date; returns the run it started. */
    private static ProcessInstance fire(Job timer) {
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(DisconnectLeaveSweepProcess.KEY)
                .singleResult();
    }

    private static Job jobOf(ProcessInstance run) {
        return managementService().createJobQuery().processInstanceId(run.getId()).singleResult();
    }

    private static List<Job> jobsOf(ProcessInstance run) {
        return managementService().createJobQuery().processInstanceId(run.getId()).list();
    }

    private static String departureOf(Job job) {
        return (String) runtimeService().getVariable(job.getExecutionId(), Variables.DEPARTURE);
    }
}
