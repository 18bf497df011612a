package io.convene.processes.meeting;

import static io.convene.processes.meeting.MeetingLifecycleProcess.Elements;
import static io.convene.processes.meeting.MeetingLifecycleProcess.Messages;
import static io.convene.processes.meeting.MeetingLifecycleProcess.Variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import io.convene.processes.ProcessModels;
import io.convene.processes.support.ProcessDates;
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

/** Every path of meeting-lifecycle, on Camunda's clock. */
@Deployment(resources = MeetingLifecycleProcess.RESOURCE)
class MeetingLifecycleProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.9)
            .build();

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant START = NOW.plus(Duration.ofHours(1));
    private static final Instant END = START.plus(Duration.ofMinutes(30));
    private static final String MEETING = "mtg_00000000-0000-4000-8000-000000000001";
    /** The 15-min reminder's timer fires this much ahead of its due time (the model's look-ahead). */
    private static final Duration LOOK_AHEAD = Duration.ofMinutes(1);

    private final List<String> remindersSent = new ArrayList<>();
    private final List<Object> deliverAt = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();
    private final List<String> cleanedUp = new ArrayList<>();
    private final List<String> endedEmpty = new ArrayList<>();
    private final List<String> startedAtStartTime = new ArrayList<>();
    private String editedDeployment;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        Mocks.register("dates", new ProcessDates());
        Mocks.register(MeetingLifecycleProcess.Workers.SEND_REMINDER, (JavaDelegate) execution -> {
            String type = (String) execution.getVariable(Variables.REMINDER_TYPE);
            remindersSent.add(type);
            deliverAt.add(execution.getVariable(Variables.DELIVER_AT));
            execution.getProcessInstance().setVariable(MeetingLifecycleProcess.REMINDER_15_MIN_BEFORE.equals(type)
                    ? Variables.REMINDER_15_SENT_FOR : Variables.REMINDER_AT_START_SENT_FOR,
                    execution.getVariable(Variables.START_TIME));
        });
        Mocks.register(MeetingLifecycleProcess.Workers.CLOSE, (JavaDelegate) execution -> {
            closed.add(execution.getProcessBusinessKey());
            if (execution.getVariable(Variables.ENDED_AT) == null) {
                execution.setVariable(Variables.ENDED_AT, ClockUtil.getCurrentTime());
            }
        });
        Mocks.register(MeetingLifecycleProcess.Workers.END_EMPTY, (JavaDelegate) execution -> {
            endedEmpty.add(execution.getProcessBusinessKey());
            execution.setVariable(Variables.ENDED_AT, Date.from(START.plus(Duration.ofMinutes(10)))); // the last leave
        });
        Mocks.register(MeetingLifecycleProcess.Workers.START_AT_START_TIME,
                (JavaDelegate) execution -> startedAtStartTime.add(execution.getProcessBusinessKey()));
        Mocks.register(MeetingLifecycleProcess.Workers.CLEANUP,
                (JavaDelegate) execution -> cleanedUp.add(execution.getProcessBusinessKey()));
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
    void reminders_fire_15_minutes_before_and_at_start_once_each() {
        ProcessInstance meeting = schedule(START, END);
        assertThat(timer(meeting, Elements.TIMER_15_MIN_BEFORE).getDuedate().toInstant())
                .isEqualTo(START.minus(Duration.ofMinutes(15)).minus(LOOK_AHEAD));
        assertThat(timer(meeting, Elements.TIMER_AT_START).getDuedate().toInstant()).isEqualTo(START);

        fire(meeting, Elements.TIMER_15_MIN_BEFORE, START.minus(Duration.ofMinutes(15)).minus(LOOK_AHEAD));
        runAsync(meeting, Elements.SEND_REMINDER_15);
        assertThat(remindersSent).containsExactly(MeetingLifecycleProcess.REMINDER_15_MIN_BEFORE);
        assertThat(deliverAt).as("prepared ahead, delivered when due").containsExactly(Date.from(START.minus(Duration.ofMinutes(15))));

        fire(meeting, Elements.TIMER_AT_START, START);
        runAsync(meeting, Elements.SEND_REMINDER_AT_START);

        assertThat(remindersSent).containsExactly(MeetingLifecycleProcess.REMINDER_15_MIN_BEFORE,
                MeetingLifecycleProcess.REMINDER_AT_START);
        assertThat(meeting).isWaitingAt(Elements.WAIT_FOR_START_GATEWAY);
        assertThat(timers(meeting)).extracting(this::activityOf)
                .containsExactlyInAnyOrder(Elements.START_TIME, Elements.ABANDONED);
    }

    @Test
    void rescheduling_moves_the_pending_reminders_to_the_new_start() {
        ProcessInstance meeting = schedule(START, END);
        Instant newStart = START.plus(Duration.ofDays(1));

        reschedule(newStart, newStart.plus(Duration.ofMinutes(30)));

        assertThat(timer(meeting, Elements.TIMER_15_MIN_BEFORE).getDuedate().toInstant())
                .isEqualTo(newStart.minus(Duration.ofMinutes(15)).minus(LOOK_AHEAD));
        assertThat(timer(meeting, Elements.TIMER_AT_START).getDuedate().toInstant()).isEqualTo(newStart);
        assertThat(timer(meeting, Elements.ABANDONED).getDuedate().toInstant())
                .isEqualTo(newStart.plus(Duration.ofMinutes(30)).plus(Duration.ofHours(8)));
        assertThat(timer(meeting, Elements.START_TIME).getDuedate().toInstant()).isEqualTo(newStart);
        assertThat(timers(meeting)).hasSize(4);
        assertThat(remindersSent).isEmpty();
    }

    @Test
    void reminders_sent_for_the_old_start_are_sent_again_for_the_new_start() {
        ProcessInstance meeting = schedule(START, END);
        fire(meeting, Elements.TIMER_15_MIN_BEFORE, START.minus(Duration.ofMinutes(15)));
        runAsync(meeting, Elements.SEND_REMINDER_15);
        Instant newStart = START.plus(Duration.ofHours(2));

        reschedule(newStart, newStart.plus(Duration.ofMinutes(30)));

        assertThat(timers(meeting)).extracting(this::activityOf).containsExactlyInAnyOrder(
                Elements.TIMER_15_MIN_BEFORE, Elements.TIMER_AT_START, Elements.START_TIME, Elements.ABANDONED);
        fire(meeting, Elements.TIMER_15_MIN_BEFORE, newStart.minus(Duration.ofMinutes(15)));
        runAsync(meeting, Elements.SEND_REMINDER_15);
        fire(meeting, Elements.TIMER_AT_START, newStart);
        runAsync(meeting, Elements.SEND_REMINDER_AT_START);
        assertThat(remindersSent).containsExactly(MeetingLifecycleProcess.REMINDER_15_MIN_BEFORE,
                MeetingLifecycleProcess.REMINDER_15_MIN_BEFORE, MeetingLifecycleProcess.REMINDER_AT_START);
    }

    @Test
    void a_new_end_time_alone_does_not_send_a_reminder_again() {
        ProcessInstance meeting = schedule(START, END);
        fire(meeting, Elements.TIMER_15_MIN_BEFORE, START.minus(Duration.ofMinutes(15)));
        runAsync(meeting, Elements.SEND_REMINDER_15);

        reschedule(START, END.plus(Duration.ofMinutes(30)));

        assertThat(timers(meeting)).extracting(this::activityOf)
                .containsExactlyInAnyOrder(Elements.TIMER_AT_START, Elements.START_TIME, Elements.ABANDONED);
    }

    @Test
    void a_meeting_moved_into_the_past_arms_no_reminder_and_starts_at_once() {
        ProcessInstance meeting = schedule(START, END);
        Instant past = NOW.minus(Duration.ofMinutes(5));

        reschedule(past, past.plus(Duration.ofMinutes(30)));

        assertThat(timers(meeting)).extracting(this::activityOf)
                .containsExactlyInAnyOrder(Elements.START_TIME, Elements.ABANDONED);
        assertThat(timer(meeting, Elements.START_TIME).getDuedate().toInstant()).isEqualTo(past);
    }

    @Test
    void sc1_4_a_meeting_nobody_started_is_in_progress_at_its_start_time_and_ends_empty_at_its_scheduled_end() {
        ProcessInstance meeting = schedule(START, END);
        assertThat(timer(meeting, Elements.START_TIME).getDuedate().toInstant()).isEqualTo(START);

        fire(meeting, Elements.START_TIME, START);

        assertThat(startedAtStartTime).containsExactly(MEETING);
        assertThat(meeting).hasPassed(Elements.START_MEETING).isWaitingAt(Elements.EMPTY_UNTIL_END);
        fire(meeting, Elements.EMPTY_AT_SCHEDULED_END, END);
        assertThat(endedEmpty).containsExactly(MEETING);
        runAsync(meeting, Elements.CLEANUP);
        assertThat(cleanedUp).containsExactly(MEETING);
        assertThat(meeting).isEnded();
    }

    @Test
    void a_join_after_the_start_time_is_a_rejoin_of_the_empty_meeting() {
        ProcessInstance meeting = schedule(START, END);
        fire(meeting, Elements.START_TIME, START);

        correlate(Messages.REJOINED, Map.of());

        assertThat(meeting).isWaitingAt(Elements.IN_PROGRESS);
        assertThat(timers(meeting)).extracting(this::activityOf).doesNotContain(Elements.EMPTY_AT_SCHEDULED_END);
    }

    @Test
    void an_early_start_disarms_the_start_time_timer() {
        ProcessInstance meeting = schedule(START, END);

        correlate(Messages.STARTED, Map.of());

        assertThat(timers(meeting)).extracting(this::activityOf).doesNotContain(Elements.START_TIME);
        assertThat(startedAtStartTime).isEmpty();
    }

    @Test
    void an_analyst_who_starts_meetings_5_minutes_after_their_start_time_moves_the_start() {
        editedDeployment = ProcessModels.deployEdited(engine.getProcessEngine().getRepositoryService(),
                MeetingLifecycleProcess.RESOURCE, "<bpmn:outgoing>Flow_ToStartMeeting</bpmn:outgoing><bpmn:timerEventDefinition>"
                        + "<bpmn:timeDate xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                        + "xsi:type=\"bpmn:tFormalExpression\">${dates.plus(startTime, 'PT0S')}",
                "<bpmn:outgoing>Flow_ToStartMeeting</bpmn:outgoing><bpmn:timerEventDefinition>"
                        + "<bpmn:timeDate xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                        + "xsi:type=\"bpmn:tFormalExpression\">${dates.plus(startTime, 'PT5M')}");

        ProcessInstance meeting = schedule(START, END);

        assertThat(timer(meeting, Elements.START_TIME).getDuedate().toInstant()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(timer(meeting, Elements.TIMER_AT_START).getDuedate().toInstant()).isEqualTo(START);
    }

    @Test
    void a_meeting_started_early_still_reminds_at_start() {
        ProcessInstance meeting = schedule(START, END);
        correlate(Messages.STARTED, Map.of());
        assertThat(meeting).isWaitingAt(Elements.IN_PROGRESS);

        fire(meeting, Elements.TIMER_15_MIN_BEFORE, START.minus(Duration.ofMinutes(15)));
        runAsync(meeting, Elements.SEND_REMINDER_15);
        fire(meeting, Elements.TIMER_AT_START, START);
        runAsync(meeting, Elements.SEND_REMINDER_AT_START);

        assertThat(remindersSent).containsExactly(MeetingLifecycleProcess.REMINDER_15_MIN_BEFORE,
                MeetingLifecycleProcess.REMINDER_AT_START);
    }

    @Test
    void reminders_stop_when_the_meeting_ends() {
        ProcessInstance meeting = schedule(START, END);
        correlate(Messages.STARTED, Map.of());

        correlate(Messages.ENDED, Map.of(Variables.ENDED_AT, Date.from(NOW.plus(Duration.ofMinutes(5)))));

        assertThat(timers(meeting)).extracting(this::activityOf).doesNotContain(Elements.TIMER_15_MIN_BEFORE,
                Elements.TIMER_AT_START);
        assertThat(remindersSent).isEmpty();
    }

    @Test
    void cancelling_removes_the_reminders_and_cleans_up_8_hours_after_the_scheduled_end() {
        ProcessInstance meeting = schedule(START, END);

        correlate(Messages.CANCELLED, Map.of());

        assertThat(timers(meeting)).extracting(this::activityOf).containsExactly(Elements.CANCELLED_RETENTION);
        assertThat(timer(meeting, Elements.CANCELLED_RETENTION).getDuedate().toInstant()).isEqualTo(END.plus(Duration.ofHours(8)));
        fire(meeting, Elements.CANCELLED_RETENTION, END.plus(Duration.ofHours(8)));
        runAsync(meeting, Elements.CLEANUP);
        assertThat(remindersSent).isEmpty();
        assertThat(cleanedUp).containsExactly(MEETING);
        assertThat(meeting).isEnded();
    }

    @Test
    void q4_when_all_left_before_the_scheduled_end_it_stays_joinable_until_then_and_is_deleted_at_once() {
        ProcessInstance meeting = schedule(START, END);
        ClockUtil.setCurrentTime(Date.from(START));
        correlate(Messages.STARTED, Map.of());

        correlate(Messages.EMPTIED, Map.of()); // everyone left at 10 min
        assertThat(meeting).isWaitingAt(Elements.EMPTY_UNTIL_END);
        assertThat(timer(meeting, Elements.EMPTY_AT_SCHEDULED_END).getDuedate().toInstant()).isEqualTo(END);
        assertThat(cleanedUp).isEmpty();

        fire(meeting, Elements.EMPTY_AT_SCHEDULED_END, END);
        assertThat(endedEmpty).containsExactly(MEETING);
        runAsync(meeting, Elements.CLEANUP);

        assertThat(cleanedUp).containsExactly(MEETING);
        assertThat(closed).as("the empty end was recorded by its own task: nothing to close").isEmpty();
        assertThat(meeting).hasNotPassed(Elements.CLEANUP_WINDOW).isEnded();
    }

    @Test
    void q13_a_rejoin_before_the_scheduled_end_cancels_the_wait_and_a_later_end_waits_8_hours() {
        ProcessInstance meeting = schedule(START, END);
        correlate(Messages.STARTED, Map.of());
        correlate(Messages.EMPTIED, Map.of()); // Alice left at 2:10

        correlate(Messages.REJOINED, Map.of()); // Bob joined at 2:50
        assertThat(meeting).isWaitingAt(Elements.IN_PROGRESS);
        assertThat(timers(meeting)).extracting(this::activityOf).doesNotContain(Elements.EMPTY_AT_SCHEDULED_END);

        correlate(Messages.ENDED, Map.of(Variables.ENDED_AT, Date.from(END.plus(Duration.ofMinutes(10))))); // Bob left at 3:10
        assertThat(timer(meeting, Elements.CLEANUP_WINDOW).getDuedate().toInstant()).isEqualTo(END.plus(Duration.ofHours(8)));
        assertThat(endedEmpty).isEmpty();
        assertThat(cleanedUp).isEmpty();
    }

    @Test
    void the_host_ends_an_empty_meeting_at_once() {
        ProcessInstance meeting = schedule(START, END);
        correlate(Messages.STARTED, Map.of());
        correlate(Messages.EMPTIED, Map.of());

        correlate(Messages.ENDED, Map.of(Variables.ENDED_AT, Date.from(START.plus(Duration.ofMinutes(20)))));
        runAsync(meeting, Elements.CLEANUP);

        assertThat(endedEmpty).isEmpty();
        assertThat(cleanedUp).containsExactly(MEETING);
        assertThat(meeting).isEnded();
    }

    @Test
    void when_people_stay_past_the_scheduled_end_cleanup_waits_until_8_hours_after_it() {
        ProcessInstance meeting = schedule(START, END);
        correlate(Messages.STARTED, Map.of());

        correlate(Messages.ENDED, Map.of(Variables.ENDED_AT, Date.from(END.plus(Duration.ofMinutes(10)))));

        assertThat(timer(meeting, Elements.CLEANUP_WINDOW).getDuedate().toInstant()).isEqualTo(END.plus(Duration.ofHours(8)));
        assertThat(cleanedUp).isEmpty();
        fire(meeting, Elements.CLEANUP_WINDOW, END.plus(Duration.ofHours(8)));
        runAsync(meeting, Elements.CLEANUP);
        assertThat(cleanedUp).containsExactly(MEETING);
        assertThat(meeting).isEnded();
    }

    @Test
    void a_meeting_that_never_starts_is_cleaned_up_8_hours_after_its_scheduled_end() {
        ProcessInstance meeting = schedule(START, END);

        fire(meeting, Elements.ABANDONED, END.plus(Duration.ofHours(8)));
        runAsync(meeting, Elements.CLOSE_ABANDONED);
        fire(meeting, Elements.CLEANUP_WINDOW, END.plus(Duration.ofHours(8)));
        runAsync(meeting, Elements.CLEANUP);

        assertThat(cleanedUp).containsExactly(MEETING);
        assertThat(meeting).isEnded();
    }

    @Test
    void a_meeting_nobody_ends_is_closed_8_hours_after_its_scheduled_end_and_cleaned_up() {
        ProcessInstance meeting = schedule(START, END);
        correlate(Messages.STARTED, Map.of());
        assertThat(timer(meeting, Elements.ABANDONED).getDuedate().toInstant()).isEqualTo(END.plus(Duration.ofHours(8)));

        fire(meeting, Elements.ABANDONED, END.plus(Duration.ofHours(8)));
        runAsync(meeting, Elements.CLOSE_ABANDONED);
        fire(meeting, Elements.CLEANUP_WINDOW, END.plus(Duration.ofHours(8)));
        runAsync(meeting, Elements.CLEANUP);

        assertThat(closed).containsExactly(MEETING);
        assertThat(cleanedUp).containsExactly(MEETING);
        assertThat(meeting).isEnded();
    }

    @Test
    void an_analyst_who_changes_PT15M_to_PT10M_moves_the_reminder_to_10_minutes_before_start() {
        editedDeployment = ProcessModels.deployEdited(engine.getProcessEngine().getRepositoryService(),
                MeetingLifecycleProcess.RESOURCE, "'PT15M'", "'PT10M'");

        ProcessInstance meeting = schedule(START, END);

        assertThat(timer(meeting, Elements.TIMER_15_MIN_BEFORE).getDuedate().toInstant())
                .isEqualTo(START.minus(Duration.ofMinutes(10)).minus(LOOK_AHEAD));
        fire(meeting, Elements.TIMER_15_MIN_BEFORE, START.minus(Duration.ofMinutes(10)));
        runAsync(meeting, Elements.SEND_REMINDER_15);
        assertThat(remindersSent).containsExactly(MeetingLifecycleProcess.REMINDER_15_MIN_BEFORE);
        assertThat(deliverAt).containsExactly(Date.from(START.minus(Duration.ofMinutes(10))));
    }

    @Test
    void an_analyst_who_shortens_the_look_ahead_to_PT10S_prepares_the_reminder_10_seconds_ahead() {
        editedDeployment = ProcessModels.deployEdited(engine.getProcessEngine().getRepositoryService(),
                MeetingLifecycleProcess.RESOURCE, "'PT1M'", "'PT10S'");

        ProcessInstance meeting = schedule(START, END);

        assertThat(timer(meeting, Elements.TIMER_15_MIN_BEFORE).getDuedate().toInstant())
                .isEqualTo(START.minus(Duration.ofMinutes(15)).minusSeconds(10));
        fire(meeting, Elements.TIMER_15_MIN_BEFORE, START.minus(Duration.ofMinutes(15)).minusSeconds(10));
        runAsync(meeting, Elements.SEND_REMINDER_15);
        assertThat(deliverAt).containsExactly(Date.from(START.minus(Duration.ofMinutes(15))));
    }

    @Test
    void an_analyst_who_gives_empty_meetings_10_minutes_past_the_scheduled_end_moves_their_end() {
        editedDeployment = ProcessModels.deployEdited(engine.getProcessEngine().getRepositoryService(),
                MeetingLifecycleProcess.RESOURCE, "${dates.plus(endTime, 'PT0S')}", "${dates.plus(endTime, 'PT10M')}");
        ProcessInstance meeting = schedule(START, END);
        correlate(Messages.STARTED, Map.of());

        correlate(Messages.EMPTIED, Map.of());

        assertThat(timer(meeting, Elements.EMPTY_AT_SCHEDULED_END).getDuedate().toInstant())
                .isEqualTo(END.plus(Duration.ofMinutes(10)));
    }

    // ---- helpers

    private ProcessInstance schedule(Instant start, Instant end) {
        return runtimeService().startProcessInstanceByKey(MeetingLifecycleProcess.KEY, MEETING,
                Map.of(Variables.START_TIME, Date.from(start), Variables.END_TIME, Date.from(end)));
    }

    private void reschedule(Instant start, Instant end) {
        correlate(Messages.RESCHEDULED, Map.of(Variables.START_TIME, Date.from(start), Variables.END_TIME, Date.from(end)));
    }

    private void correlate(String message, Map<String, Object> variables) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(MEETING)
                .setVariables(variables).correlate();
    }

    private List<Job> timers(ProcessInstance meeting) {
        return managementService().createJobQuery().processInstanceId(meeting.getId()).timers().list();
    }

    private Job timer(ProcessInstance meeting, String activity) {
        return managementService().createJobQuery().processInstanceId(meeting.getId()).timers().activityId(activity).singleResult();
    }

    private String activityOf(Job job) {
        return managementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
    }

    /** Moves Camunda's clock to {@code at} and fires the timer waiting at {@code activity}. */
    private void fire(ProcessInstance meeting, String activity, Instant at) {
        Job timer = timer(meeting, activity);
        assertThat(timer).as("timer at " + activity).isNotNull();
        assertThat(timer.getDuedate().toInstant()).isBeforeOrEqualTo(at);
        ClockUtil.setCurrentTime(Date.from(at));
        execute(timer);
    }

    /** Runs the asynchronous continuation before {@code activity} (workers run in their own jobs). */
    private void runAsync(ProcessInstance meeting, String activity) {
        Job job = managementService().createJobQuery().processInstanceId(meeting.getId()).activityId(activity).singleResult();
        assertThat(job).as("job before " + activity).isNotNull();
        execute(job);
    }
}
