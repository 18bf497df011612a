package io.convene.processes.meeting;

/** The meeting-cleanup-sweep process: the fallback of the smart cleanup. */
public final class MeetingCleanupSweepProcess {

    public static final String KEY = "meeting-cleanup-sweep";
    public static final String RESOURCE = "bpmn/meeting-cleanup-sweep.bpmn";
    public static final String SWEEP = "Task_SweepExpiredMeetings";
    public static final String WORKER = "sweepExpiredMeetings";
    /** Input of the sweep task: how long after the scheduled end a meeting may stay (ISO-8601). */
    public static final String OLDER_THAN = "olderThan";
    public static final String FORGET_SUMMARIES = "Task_ForgetOldSummaries";
    public static final String FORGET_SUMMARIES_WORKER = "forgetOldSummaries";
    /** Input of the forget task: how long call-log summaries are kept after the end (ISO-8601, P90D). */
    public static final String RETENTION = "retention";

    private MeetingCleanupSweepProcess() {}
}
