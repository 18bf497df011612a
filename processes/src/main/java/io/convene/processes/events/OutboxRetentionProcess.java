package io.convene.processes.events;

/** The outbox-retention process: every hour, events published longer ago than the retention go. */
public final class OutboxRetentionProcess {

    public static final String KEY = "outbox-retention";
    public static final String RESOURCE = "bpmn/outbox-retention.bpmn";
    public static final String FORGET = "Task_ForgetPublishedEvents";
    public static final String WORKER = "forgetPublishedEvents";
    /** Input of the forget task: how long a published event is kept (ISO-8601, P7D). */
    public static final String RETENTION = "retention";

    private OutboxRetentionProcess() {}
}
