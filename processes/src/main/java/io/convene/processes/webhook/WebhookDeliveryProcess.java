package io.convene.processes.webhook;

/**
 * The webhook-delivery process: the retries of a delivery whose first attempt (made outside
 * the engine) failed. Business key = the delivery id.
 */
public final class WebhookDeliveryProcess {

    public static final String KEY = "webhook-delivery";
    public static final String RESOURCE = "bpmn/webhook-delivery.bpmn";
    /** The external task of {@link Elements#RETRY}: fetched and completed outside any transaction. */
    public static final String TOPIC = "webhook-retry";

    /** Element ids in {@code webhook-delivery.bpmn}. */
    public static final class Elements {
        public static final String START = "StartEvent_FirstAttemptFailed";
        /** Carries the schedule ({@link Variables#BACKOFF}) and the loop's state. */
        public static final String RETRYING = "SubProcess_Retrying";
        public static final String NEXT_ATTEMPT = "Gateway_NextAttempt";
        public static final String BACK_OFF = "TimerEvent_BackOff";
        public static final String RETRY = "Task_RetryDelivery";
        public static final String OUTCOME = "Gateway_Outcome";
        public static final String RETRIES_LEFT = "Gateway_RetriesLeft";
        public static final String DELIVERED = "EndEvent_Delivered";
        public static final String SKIPPED = "EndEvent_Skipped";
        public static final String GONE = "EndEvent_Gone";
        public static final String EXHAUSTED = "EndEvent_Exhausted";
        public static final String SETTLED = "EndEvent_Settled";
        public static final String GAVE_UP_GONE = "BoundaryEvent_Gone";
        public static final String GAVE_UP_EXHAUSTED = "BoundaryEvent_Exhausted";
        public static final String GIVE_UP = "Task_GiveUp";
        public static final String WEBHOOK_DISABLED = "EndEvent_WebhookDisabled";

        private Elements() {}
    }

    public static final class Variables {
        /** The delivery (String, a UUID); also the business key. */
        public static final String DELIVERY = "deliveryId";
        /** The delivery's webhook (String, a UUID). */
        public static final String WEBHOOK = "webhookId";
        /** The schedule: a list of ISO-8601 durations, the wait before each retry (subprocess input). */
        public static final String BACKOFF = "backoff";
        /** 0-based index of the next retry into {@link #BACKOFF} (subprocess input; +1 on each loop). */
        public static final String RETRY = "retry";
        /** Set by the retry worker: the receiver's Retry-After as an ISO-8601 duration, or null (then the schedule). */
        public static final String RETRY_AFTER = "retryAfter";
        /** Set by the retry worker: one of {@link Outcomes}. */
        public static final String OUTCOME = "outcome";
        /** The error code that ended the retrying ({@link Reasons}), set by the boundary events. */
        public static final String GIVE_UP_REASON = "giveUpReason";
        /** {@link Elements#GIVE_UP}'s input parameter: one of {@link Reasons}. */
        public static final String REASON = "reason";

        private Variables() {}
    }

    /** The values of {@link Variables#OUTCOME} the model's gateway knows. */
    public static final class Outcomes {
        public static final String DELIVERED = "DELIVERED";
        public static final String FAILED = "FAILED";
        public static final String GONE = "GONE";
        public static final String SKIPPED = "SKIPPED";

        private Outcomes() {}
    }

    /** Why a delivery was given up: the error codes of the subprocess's error end events. */
    public static final class Reasons {
        public static final String GONE = "gone";
        public static final String EXHAUSTED = "exhausted";

        private Reasons() {}
    }

    /** Bean names the model binds to. */
    public static final class Workers {
        public static final String GIVE_UP = "giveUpWebhookDelivery";

        private Workers() {}
    }

    private WebhookDeliveryProcess() {}
}
