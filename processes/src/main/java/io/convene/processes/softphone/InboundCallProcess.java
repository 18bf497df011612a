package io.convene.processes.softphone;

/**
 * The inbound-call process: a softphone call coming in rings until it is answered, declined,
 * the caller hangs up, it fails, or nobody answers for 45 s (PT45S) — then it is a missed call.
 * Business key = the call-log row's id.
 */
public final class InboundCallProcess {

    public static final String KEY = "inbound-call";
    public static final String RESOURCE = "bpmn/inbound-call.bpmn";

    public static final class Messages {
        /** The user answered on the softphone. */
        public static final String ANSWERED = "InboundCallAnswered";
        /** The user declined it. */
        public static final String DECLINED = "InboundCallDeclined";
        /** The caller hung up before anyone answered: a missed call. */
        public static final String CALLER_HUNG_UP = "InboundCallerHungUp";
        /** The call failed while ringing (network, SIP error). */
        public static final String FAILED = "InboundCallFailed";

        private Messages() {}
    }

    public static final class Elements {
        public static final String RINGING = "Gateway_Ringing";
        public static final String ANSWERED = "CatchEvent_CallAnswered";
        public static final String DECLINED = "CatchEvent_CallDeclined";
        public static final String CALLER_HUNG_UP = "CatchEvent_CallerHungUp";
        public static final String FAILED = "CatchEvent_CallFailed";
        public static final String NO_ANSWER = "TimerEvent_NoAnswer";
        public static final String RECORD_MISSED = "Task_RecordMissedCall";
        public static final String END_ANSWERED = "EndEvent_Answered";
        public static final String END_DECLINED = "EndEvent_Declined";
        public static final String END_FAILED = "EndEvent_Failed";
        public static final String END_MISSED = "EndEvent_Missed";

        private Elements() {}
    }

    public static final class Variables {
        /** The call-log row (also the business key). */
        public static final String CALL_LOG_ID = "callLogId";
        /** Whose phone rings. */
        public static final String USER = "userId";
        /** Why it was missed: {@code no_answer} (the timer) or {@code caller_hung_up}. */
        public static final String MISSED_REASON = "missedReason";

        private Variables() {}
    }

    public static final class Workers {
        public static final String RECORD_MISSED = "recordMissedCall";

        private Workers() {}
    }

    public static final String NO_ANSWER = "no_answer";
    public static final String CALLER_HUNG_UP = "caller_hung_up";

    private InboundCallProcess() {}
}
