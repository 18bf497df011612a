package io.convene.processes.softphone;

/** The call-log-retention process: every hour, call-log rows older than the retention (P1Y) go. */
public final class CallLogRetentionProcess {

    public static final String KEY = "call-log-retention";
    public static final String RESOURCE = "bpmn/call-log-retention.bpmn";
    public static final String FORGET = "Task_ForgetOldCalls";
    public static final String WORKER = "forgetOldCallLogRows";
    /** Input of the forget task: how long the call log is kept (ISO-8601 period or duration, P1Y). */
    public static final String RETENTION = "retention";

    private CallLogRetentionProcess() {}
}
