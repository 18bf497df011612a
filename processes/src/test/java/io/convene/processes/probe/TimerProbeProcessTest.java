package io.convene.processes.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.convene.processes.ProcessModels;
import io.convene.processes.support.ProcessDates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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

@Deployment(resources = TimerProbeProcess.RESOURCE)
class TimerProbeProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9)
            .build();

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private final JavaDelegate recordProbe = mock(JavaDelegate.class);

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register(TimerProbeProcess.Workers.RECORD_PROBE, recordProbe);
    }

    private String editedDeployment;

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        if (editedDeployment != null) {
            engine.getProcessEngine().getRepositoryService().deleteDeployment(editedDeployment, true);
        }
    }

    @Test
    void a_probe_waits_ten_seconds_on_its_timer() {
        ProcessInstance probe = runtimeService().startProcessInstanceByKey(TimerProbeProcess.KEY, "prb_1");

        assertThat(probe).isWaitingAt(TimerProbeProcess.Elements.DELAY);
        assertThat(job(probe).getDuedate().toInstant()).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void when_the_timer_fires_the_worker_records_the_probe_and_the_process_ends() throws Exception {
        AtomicReference<Duration> delaySeenByWorker = new AtomicReference<>();
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            delaySeenByWorker.set(ProcessDates.timerDuration(
                    execution.getBpmnModelInstance().getModelElementById(TimerProbeProcess.Elements.DELAY)));
            return null;
        }).when(recordProbe).execute(any());
        ProcessInstance probe = runtimeService().startProcessInstanceByKey(TimerProbeProcess.KEY, "prb_2");

        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(10)));
        execute(job(probe)); // the timer
        execute(job(probe)); // the worker, in its own job so it can be retried

        assertThat(probe).hasPassed(TimerProbeProcess.Elements.RECORD).isEnded();
        assertThat(delaySeenByWorker.get()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void a_failing_worker_is_retried_and_then_becomes_an_incident() throws Exception {
        doAnswer(call -> {
            throw new IllegalStateException("database away");
        }).when(recordProbe).execute(any());
        ProcessInstance probe = runtimeService().startProcessInstanceByKey(TimerProbeProcess.KEY, "prb_3");
        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(10)));

        execute(job(probe)); // the timer
        for (int attempt = 0; attempt < 5 && job(probe).getRetries() > 0; attempt++) {
            Job job = job(probe);
            try {
                managementService().executeJob(job.getId());
            } catch (IllegalStateException expected) {
                // each attempt fails; the retry cycle R3/PT10S spaces them out
            }
            ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(10)));
        }

        assertThat(job(probe).getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(probe.getId()).count()).isEqualTo(1);
        assertThat(probe).isWaitingAt(TimerProbeProcess.Elements.RECORD);
    }

    @Test
    void an_analyst_who_changes_the_literal_changes_when_the_timer_fires() throws Exception {
        ProcessEngine processEngine = engine.getProcessEngine();
        editedDeployment = ProcessModels.deployEdited(processEngine.getRepositoryService(), TimerProbeProcess.RESOURCE,
                ">PT10S<", ">PT25S<");

        ProcessInstance probe = runtimeService().startProcessInstanceByKey(TimerProbeProcess.KEY, "prb_4");

        assertThat(job(probe).getDuedate().toInstant()).isEqualTo(NOW.plusSeconds(25));
        verify(recordProbe, never()).execute(any());
        assertThat(probe).isWaitingAt(TimerProbeProcess.Elements.DELAY);
    }
}
