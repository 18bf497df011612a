package io.convene.processes.webhook;

/** The webhook-log-retention process: every hour, deliveries older than the retention go. */
public final class WebhookLogRetentionProcess {

    public static final String KEY = "webhook-log-retention";
    public static final String RESOURCE = "bpmn/webhook-log-retention.bpmn";
    public static final String FORGET = "Task_ForgetOldDeliveries";
    public static final String WORKER = "forgetOldWebhookDeliveries";
    /** Input of the forget task: how long the delivery log is kept (ISO-8601, P30D). */
    public static final String RETENTION = "retention";

    private WebhookLogRetentionProcess() {}
}
