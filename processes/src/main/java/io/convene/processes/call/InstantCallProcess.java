package io.convene.processes.call;

/** The instant-call process and the call-ring process it calls once per callee. */
public final class InstantCallProcess {

    public static final String KEY = "instant-call";
    public static final String RESOURCE = "bpmn/instant-call.bpmn";
    public static final String RING_KEY = "call-ring";
    public static final String RING_RESOURCE = "bpmn/call-ring.bpmn";

    public static final class Messages {
        /** To the call: the last participant left, or the caller ended it. */
        public static final String ENDED = "CallEnded";
        /** To the call: ring one more person (local variable calleeId). */
        public static final String INVITE = "CallInvite";
        /** To one ring (variable calleeId): the callee accepted. */
        public static final String RING_ACCEPTED = "RingAccepted";
        /** To one ring: the callee declined. */
        public static final String RING_DECLINED = "RingDeclined";

        private Messages() {}
    }

    public static final class Escalations {
        /** Thrown when every callee declined or missed their ring and the caller is alone; ends the call. */
        public static final String CALLER_ALONE = "CallerAlone";

        private Escalations() {}
    }

    public static final class Elements {
        public static final String RING_INVITEES = "CallActivity_RingInvitees";
        public static final String IN_CALL = "Gateway_InCall";
        public static final String CALL_MAXIMUM = "TimerEvent_CallMaximum";
        public static final String CLOSE = "Task_CloseCall";
        public static final String CLEANUP = "Task_CleanupCall";
        public static final String RING_LATE_INVITEE = "CallActivity_RingLateInvitee";
        public static final String CHECK_CALLER_ALONE = "Task_CheckCallerAlone";
        public static final String CALLER_ALONE = "Gateway_CallerAlone";
        public static final String CHECK_CALLER_ALONE_AFTER_LATE_RING = "Task_CheckCallerAloneAfterLateRing";
        public static final String CALLER_ALONE_AFTER_LATE_RING = "Gateway_CallerAloneAfterLateRing";
        public static final String CALLER_LEFT_ALONE = "SubProcess_CallerLeftAlone";
        public static final String HANG_UP = "Task_HangUpUnansweredCall";
        public static final String CLEANUP_UNANSWERED = "Task_CleanupUnansweredCall";
        public static final String START_RINGING = "Task_StartRinging";
        public static final String RINGING = "Gateway_Ringing";
        public static final String RING_TIMEOUT = "TimerEvent_RingTimeout";
        public static final String REPORT_MISSED = "Task_ReportMissedRing";

        private Elements() {}
    }

    public static final class Variables {
        public static final String RINGEES = "ringees";
        public static final String CALLEE = "calleeId";
        public static final String CALLER = "callerId";
        public static final String ENDED_AT = "endedAt";
        /** Set by the check after the rings: true when the call should end (nobody answered, or it is over). */
        public static final String CALLER_ALONE = "callerAlone";

        private Variables() {}
    }

    public static final class Workers {
        public static final String RING = "ringCallee";
        public static final String REPORT_MISSED = "reportMissedRing";
        public static final String CHECK_CALLER_ALONE = "checkCallerAlone";
        public static final String HANG_UP = "hangUpUnansweredCall";

        private Workers() {}
    }

    private InstantCallProcess() {}
}
