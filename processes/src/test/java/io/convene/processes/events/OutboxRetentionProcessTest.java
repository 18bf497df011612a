package io.convene.processes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import io.convene.processes.ProcessModels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = OutboxRetentionProcess.RESOURCE)
class OutboxRetentionProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9)
            .build();

    private final List<Duration> retentions = new ArrayList<>();

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void every_hour_the_events_published_7_days_ago_are_deleted() {
        Mocks.register(OutboxRetentionProcess.WORKER, (JavaDelegate) execution ->
                retentions.add(Duration.parse((String) execution.getVariable(OutboxRetentionProcess.RETENTION))));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-25T09:00:00Z")));
        Job first = managementService().createJobQuery().timers().singleResult();

        ClockUtil.setCurrentTime(first.getDuedate());
        execute(first);
        Job next = managementService().createJobQuery().timers().singleResult();

        assertThat(retentions).containsExactly(Duration.ofDays(7));
        assertThat(Duration.between(first.getDuedate().toInstant(), next.getDuedate().toInstant()))
                .isBetween(Duration.ofSeconds(3598), Duration.ofSeconds(3602));
    }

    @Test
    void an_analyst_who_changes_P7D_to_P1D_keeps_published_events_a_day() {
        Mocks.register(OutboxRetentionProcess.WORKER, (JavaDelegate) execution ->
                retentions.add(Duration.parse((String) execution.getVariable(OutboxRetentionProcess.RETENTION))));
        var repository = BpmnAwareTests.repositoryService();
        String edited = ProcessModels.deployEdited(repository, OutboxRetentionProcess.RESOURCE, ">P7D<", ">P1D<");

        execute(managementService().createJobQuery().timers().singleResult());

        assertThat(retentions).containsExactly(Duration.ofDays(1));
        repository.deleteDeployment(edited, true);
    }

    @Test
    void an_analyst_who_changes_the_hourly_cycle_to_PT30M_trims_every_half_hour() {
        Mocks.register(OutboxRetentionProcess.WORKER, (JavaDelegate) execution -> retentions.add(Duration.ZERO));
        var repository = BpmnAwareTests.repositoryService();
        String edited = ProcessModels.deployEdited(repository, OutboxRetentionProcess.RESOURCE, "R/PT1H", "R/PT30M");
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-25T09:00:00Z")));
        Job first = managementService().createJobQuery().timers().orderByJobDuedate().desc().listPage(0, 1).get(0);

        ClockUtil.setCurrentTime(first.getDuedate());
        execute(first);
        Job next = managementService().createJobQuery().timers().orderByJobDuedate().desc().listPage(0, 1).get(0);

        assertThat(Duration.between(first.getDuedate().toInstant(), next.getDuedate().toInstant()))
                .isBetween(Duration.ofSeconds(1798), Duration.ofSeconds(1802));
        repository.deleteDeployment(edited, true);
    }
}
