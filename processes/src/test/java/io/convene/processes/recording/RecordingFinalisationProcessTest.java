package io.convene.processes.recording;

import static io.convene.processes.recording.RecordingFinalisationProcess.Elements;
import static io.convene.processes.recording.RecordingFinalisationProcess.Messages;
import static io.convene.processes.recording.RecordingFinalisationProcess.Variables;
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
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.delegate.BpmnError;
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

/** Every path of recording-finalisation, on Camunda's clock. */
@Deployment(resources = RecordingFinalisationProcess.RESOURCE)
class RecordingFinalisationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9)
            .build();

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final String RECORDING = "rec_00000000-0000-4000-8000-000000000001";
    private static final String MEETING = "mtg_00000000-0000-4000-8000-000000000001";

    /** What the workers did, in order: "close", "verify", "manifest", "ready", "failed: <reason>", "delete". */
    private final List<String> done = new ArrayList<>();
    /** What the verify worker does on its next run: nothing (chunks fine), or throw this. */
    private final AtomicReference<RuntimeException> verifyFails = new AtomicReference<>();
    private String editedDeployment;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register(RecordingFinalisationProcess.Workers.CLOSE_UPLOADS, (JavaDelegate) execution -> done.add("close"));
        Mocks.register(RecordingFinalisationProcess.Workers.VERIFY, (JavaDelegate) execution -> {
            RuntimeException failure = verifyFails.get();
            if (failure != null) {
                throw failure;
            }
            done.add("verify");
        });
        Mocks.register(RecordingFinalisationProcess.Workers.WRITE_MANIFEST, (JavaDelegate) execution -> done.add("manifest"));
        Mocks.register(RecordingFinalisationProcess.Workers.MARK_READY, (JavaDelegate) execution -> done.add("ready"));
        Mocks.register(RecordingFinalisationProcess.Workers.MARK_FAILED, (JavaDelegate) execution ->
                done.add("failed: " + execution.getVariable(Variables.FAILURE_REASON)));
        Mocks.register(RecordingFinalisationProcess.Workers.DELETE, (JavaDelegate) execution -> done.add("delete"));
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
    void the_quiet_period_starts_again_with_every_new_chunk() {
        ProcessInstance recording = start();
        assertThat(timer(recording, Elements.QUIET_PERIOD).getDuedate().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofSeconds(100))));
        correlate(Messages.CHUNK_UPLOADED);

        assertThat(recording).isWaitingAt(Elements.COLLECTING);
        assertThat(timers(recording)).hasSize(1);
        assertThat(timer(recording, Elements.QUIET_PERIOD).getDuedate().toInstant())
                .isEqualTo(NOW.plus(Duration.ofSeconds(100)).plus(Duration.ofMinutes(2)));
        assertThat(done).isEmpty();
    }

    @Test
    void after_the_quiet_period_the_chunks_are_verified_the_manifest_written_and_the_recording_marked_ready() {
        ProcessInstance recording = start();

        fire(recording, Elements.QUIET_PERIOD, NOW.plus(Duration.ofMinutes(2)));
        assertThat(done).containsExactly("close");
        runAsync(recording, Elements.VERIFY);
        runAsync(recording, Elements.WRITE_MANIFEST);

        assertThat(done).containsExactly("close", "verify", "manifest", "ready");
        assertThat(recording).hasPassed(Elements.MARK_READY).hasNotPassed(Elements.MARK_FAILED)
                .isWaitingAt(Elements.RETENTION);
        assertThat(timer(recording, Elements.RETENTION).getDuedate().toInstant())
                .isEqualTo(NOW.plus(Duration.ofMinutes(2)).plus(Duration.ofDays(30)));
    }

    @Test
    void the_meetings_end_finalises_without_waiting_for_the_quiet_period() {
        ProcessInstance recording = start();

        runtimeService().createMessageCorrelation(Messages.MEETING_ENDED)
                .processInstanceVariableEquals(Variables.MEETING, MEETING).correlate();

        assertThat(done).containsExactly("close");
        assertThat(timers(recording)).isEmpty();
        runAsync(recording, Elements.VERIFY);
        runAsync(recording, Elements.WRITE_MANIFEST);
        assertThat(done).containsExactly("close", "verify", "manifest", "ready");
    }

    @Test
    void a_missing_chunk_marks_the_recording_failed_with_the_reason_and_writes_no_manifest() {
        ProcessInstance recording = start();
        fire(recording, Elements.QUIET_PERIOD, NOW.plus(Duration.ofMinutes(2)));
        verifyFails.set(new BpmnError(RecordingFinalisationProcess.RECORDING_INVALID, "chunk 2 is missing"));

        runAsync(recording, Elements.VERIFY);

        assertThat(done).containsExactly("close", "failed: chunk 2 is missing");
        assertThat(recording).hasPassed(Elements.CHUNKS_INVALID).hasNotPassed(Elements.WRITE_MANIFEST, Elements.MARK_READY)
                .isWaitingAt(Elements.RETENTION);
        fire(recording, Elements.RETENTION, NOW.plus(Duration.ofMinutes(2)).plus(Duration.ofDays(30)));
        runAsync(recording, Elements.DELETE);
        assertThat(done).last().isEqualTo("delete");
        assertThat(recording).isEnded();
    }

    @Test
    void storage_errors_are_retried_on_the_models_back_off_and_then_become_an_incident_with_nothing_marked_ready() {
        ProcessInstance recording = start();
        fire(recording, Elements.QUIET_PERIOD, NOW.plus(Duration.ofMinutes(2)));
        verifyFails.set(new IllegalStateException("storage unreachable"));
        List<Duration> waits = new ArrayList<>();

        Job job = job(recording, Elements.VERIFY);
        for (int attempt = 0; attempt < 10 && job.getRetries() > 0; attempt++) {
            Instant now = ClockUtil.getCurrentTime().toInstant();
            String id = job.getId();
            assertThatThrownBy(() -> managementService().executeJob(id)).hasMessageContaining("storage unreachable");
            job = job(recording, Elements.VERIFY);
            if (job.getRetries() > 0) {
                waits.add(Duration.between(now, job.getDuedate().toInstant()));
                ClockUtil.setCurrentTime(job.getDuedate());
            }
        }

        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1));
        assertThat(job.getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(recording.getId()).singleResult())
                .extracting(incident -> incident.getActivityId()).isEqualTo(Elements.VERIFY);
        assertThat(done).containsExactly("close");
        assertThat(recording).isWaitingAt(Elements.VERIFY);

        verifyFails.set(null); // storage is back; operations retry the incident
        managementService().setJobRetries(job.getId(), 1);
        execute(job(recording, Elements.VERIFY));
        runAsync(recording, Elements.WRITE_MANIFEST);
        assertThat(done).containsExactly("close", "verify", "manifest", "ready");
    }

    @Test
    void a_manifest_that_cannot_be_written_leaves_the_recording_unready_and_is_retried() {
        ProcessInstance recording = start();
        fire(recording, Elements.QUIET_PERIOD, NOW.plus(Duration.ofMinutes(2)));
        runAsync(recording, Elements.VERIFY);
        Mocks.register(RecordingFinalisationProcess.Workers.WRITE_MANIFEST, (JavaDelegate) execution -> {
            throw new IllegalStateException("storage unreachable");
        });

        String id = job(recording, Elements.WRITE_MANIFEST).getId();
        assertThatThrownBy(() -> managementService().executeJob(id)).hasMessageContaining("storage unreachable");

        assertThat(done).containsExactly("close", "verify");
        assertThat(job(recording, Elements.WRITE_MANIFEST).getDuedate().toInstant())
                .isEqualTo(NOW.plus(Duration.ofMinutes(2)).plus(Duration.ofMinutes(1)));
    }

    @Test
    void a_ready_recording_is_deleted_with_its_objects_when_the_retention_is_over() {
        ProcessInstance recording = readyRecording();
        Instant readyAt = NOW.plus(Duration.ofMinutes(2));

        fire(recording, Elements.RETENTION, readyAt.plus(Duration.ofDays(30)));
        runAsync(recording, Elements.DELETE);

        assertThat(done).last().isEqualTo("delete");
        assertThat(recording).hasPassed(Elements.DELETED).isEnded();
    }

    @Test
    void its_owner_may_delete_it_while_chunks_still_come() {
        ProcessInstance recording = start();

        correlate(Messages.DELETED_BY_OWNER);
        runAsync(recording, Elements.DELETE_NOW);

        assertThat(done).containsExactly("delete");
        assertThat(recording).hasPassed(Elements.DELETED_NOW).isEnded();
    }

    @Test
    void its_owner_may_delete_it_during_the_retention() {
        ProcessInstance recording = readyRecording();

        correlate(Messages.DELETED_BY_OWNER);
        runAsync(recording, Elements.DELETE_NOW);

        assertThat(done).last().isEqualTo("delete");
        assertThat(timers(recording)).isEmpty();
        assertThat(recording).isEnded();
    }

    @Test
    void an_analyst_who_changes_the_quiet_period_to_5_minutes_makes_it_wait_5_minutes() {
        editedDeployment = ProcessModels.deployEdited(engine.getProcessEngine().getRepositoryService(),
                RecordingFinalisationProcess.RESOURCE, ">PT2M<", ">PT5M<");

        ProcessInstance recording = start();

        assertThat(timer(recording, Elements.QUIET_PERIOD).getDuedate().toInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        fire(recording, Elements.QUIET_PERIOD, NOW.plus(Duration.ofMinutes(5)));
        assertThat(done).containsExactly("close");
    }

    @Test
    void an_analyst_who_changes_the_retention_to_7_days_deletes_recordings_after_7_days() {
        editedDeployment = ProcessModels.deployEdited(engine.getProcessEngine().getRepositoryService(),
                RecordingFinalisationProcess.RESOURCE, ">P30D<", ">P7D<");

        ProcessInstance recording = readyRecording();

        assertThat(timer(recording, Elements.RETENTION).getDuedate().toInstant())
                .isEqualTo(NOW.plus(Duration.ofMinutes(2)).plus(Duration.ofDays(7)));
    }

    // ---- helpers

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(RecordingFinalisationProcess.KEY, RECORDING,
                Map.of(Variables.RECORDING, RECORDING, Variables.MEETING, MEETING));
    }

    private ProcessInstance readyRecording() {
        ProcessInstance recording = start();
        fire(recording, Elements.QUIET_PERIOD, NOW.plus(Duration.ofMinutes(2)));
        runAsync(recording, Elements.VERIFY);
        runAsync(recording, Elements.WRITE_MANIFEST);
        assertThat(recording).isWaitingAt(Elements.RETENTION);
        return recording;
    }

    private void correlate(String message) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(RECORDING).correlate();
    }

    private List<Job> timers(ProcessInstance recording) {
        return managementService().createJobQuery().processInstanceId(recording.getId()).timers().list();
    }

    private Job timer(ProcessInstance recording, String activity) {
        return managementService().createJobQuery().processInstanceId(recording.getId()).timers().activityId(activity).singleResult();
    }

    private Job job(ProcessInstance recording, String activity) {
        Job job = managementService().createJobQuery().processInstanceId(recording.getId()).activityId(activity).singleResult();
        assertThat(job).as("job before " + activity).isNotNull();
        return job;
    }

    /** Moves Camunda's clock to {@code at} and fires the timer waiting at {@code activity}. */
    private void fire(ProcessInstance recording, String activity, Instant at) {
        Job timer = timer(recording, activity);
        assertThat(timer).as("timer at " + activity).isNotNull();
        assertThat(timer.getDuedate().toInstant()).isBeforeOrEqualTo(at);
        ClockUtil.setCurrentTime(Date.from(at));
        execute(timer);
    }

    /** Runs the asynchronous continuation before {@code activity} (workers that touch storage run in their own jobs). */
    private void runAsync(ProcessInstance recording, String activity) {
        execute(job(recording, activity));
    }
}
