package io.convene.processes.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = MeetingCleanupSweepProcess.RESOURCE)
class MeetingCleanupSweepProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9)
            .build();

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void every_five_minutes_the_sweep_deletes_meetings_older_than_8_hours_past_their_end_and_summaries_kept_90_days() {
        List<String> sweeps = new ArrayList<>();
        Mocks.register(MeetingCleanupSweepProcess.WORKER,
                (JavaDelegate) execution -> sweeps.add((String) execution.getVariable(MeetingCleanupSweepProcess.OLDER_THAN)));
        Mocks.register(MeetingCleanupSweepProcess.FORGET_SUMMARIES_WORKER,
                (JavaDelegate) execution -> sweeps.add((String) execution.getVariable(MeetingCleanupSweepProcess.RETENTION)));
        Instant now = Instant.parse("2026-11-24T09:00:00Z");
        ClockUtil.setCurrentTime(Date.from(now));
        Job first = managementService().createJobQuery().timers().singleResult();

        ClockUtil.setCurrentTime(first.getDuedate());
        execute(first);
        Job next = managementService().createJobQuery().timers().singleResult();

        assertThat(sweeps).containsExactly("PT8H", "P90D");
        // Camunda's clock keeps ticking after it is set: allow the milliseconds the test itself took
        assertThat(Duration.between(first.getDuedate().toInstant(), next.getDuedate().toInstant()))
                .isBetween(Duration.ofSeconds(298), Duration.ofSeconds(302));
    }

    @Test
    void an_analyst_who_changes_P90D_to_P30D_keeps_call_logs_30_days() {
        List<java.time.Duration> retentions = new ArrayList<>();
        Mocks.register(MeetingCleanupSweepProcess.WORKER, (JavaDelegate) execution -> { });
        Mocks.register(MeetingCleanupSweepProcess.FORGET_SUMMARIES_WORKER, (JavaDelegate) execution ->
                retentions.add(java.time.Duration.parse((String) execution.getVariable(MeetingCleanupSweepProcess.RETENTION))));
        var repository = BpmnAwareTests.repositoryService();
        String edited = io.convene.processes.ProcessModels.deployEdited(repository, MeetingCleanupSweepProcess.RESOURCE,
                ">P90D<", ">P30D<"); // a new version replaces the old one's timer start

        execute(managementService().createJobQuery().timers().singleResult());

        assertThat(retentions).containsExactly(java.time.Duration.ofDays(30));
        repository.deleteDeployment(edited, true);
    }
}
