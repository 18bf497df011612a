package io.convene.processes.softphone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import io.convene.processes.ProcessModels;
import java.time.Duration;
import java.time.Period;
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

@Deployment(resources = CallLogRetentionProcess.RESOURCE)
class CallLogRetentionProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9)
            .build();

    private final List<String> retentions = new ArrayList<>();

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void every_hour_the_calls_kept_a_year_are_deleted() {
        Mocks.register(CallLogRetentionProcess.WORKER, (JavaDelegate) execution ->
                retentions.add((String) execution.getVariable(CallLogRetentionProcess.RETENTION)));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-25T09:00:00Z")));
        Job first = managementService().createJobQuery().timers().singleResult();

        ClockUtil.setCurrentTime(first.getDuedate());
        execute(first);
        Job next = managementService().createJobQuery().timers().singleResult();

        assertThat(retentions).containsExactly("P1Y");
        assertThat(Period.parse(retentions.get(0))).isEqualTo(Period.ofYears(1));
        assertThat(Duration.between(first.getDuedate().toInstant(), next.getDuedate().toInstant()))
                .isBetween(Duration.ofSeconds(3598), Duration.ofSeconds(3602));
    }

    @Test
    void an_analyst_who_changes_P1Y_to_P90D_keeps_the_call_log_90_days() {
        Mocks.register(CallLogRetentionProcess.WORKER, (JavaDelegate) execution ->
                retentions.add((String) execution.getVariable(CallLogRetentionProcess.RETENTION)));
        var repository = BpmnAwareTests.repositoryService();
        String edited = ProcessModels.deployEdited(repository, CallLogRetentionProcess.RESOURCE, ">P1Y<", ">P90D<");

        execute(managementService().createJobQuery().timers().singleResult());

        assertThat(retentions).containsExactly("P90D");
        repository.deleteDeployment(edited, true);
    }
}
