package io.convene.processes.guest;

/**
 * The guest-admission process: one instance per guest session (business key = the session id).
 * Key, messages, element ids, variables, worker beans and the model's extension properties.
 */
public final class GuestAdmissionProcess {

    public static final String KEY = "guest-admission";
    public static final String RESOURCE = "bpmn/guest-admission.bpmn";

    /** Message names the use cases correlate by business key (= session id). */
    public static final class Messages {
        public static final String ACCESS_REQUESTED = "GuestAccessRequested";
        public static final String ADMITTED = "GuestAdmitted";
        public static final String DECLINED = "GuestDeclined";
        public static final String ALL_INTERNAL_LEFT = "GuestAllInternalLeft";
        public static final String INTERNAL_REJOINED = "GuestInternalRejoined";
        public static final String SESSION_ENDED = "GuestSessionEnded";

        private Messages() {}
    }

    /** Element ids in {@code guest-admission.bpmn}. */
    public static final class Elements {
        public static final String SESSION = "SubProcess_Session";
        public static final String AWAIT_REQUEST = "CatchEvent_AccessRequested";
        public static final String NOTIFY_PARTICIPANTS = "Task_NotifyParticipants";
        public static final String ANSWER = "Gateway_Answer";
        public static final String ADMITTED = "CatchEvent_Admitted";
        public static final String DECLINED = "CatchEvent_Declined";
        /** The request's expiry: a timeDuration literal (PT10M). */
        public static final String REQUEST_EXPIRED = "TimerEvent_RequestExpired";
        public static final String EXPIRE_REQUEST = "Task_ExpireRequest";
        public static final String ALL_INTERNAL_LEFT = "CatchEvent_AllInternalLeft";
        public static final String WARN = "Task_WarnGuest";
        /** The grace between the warning and the removal: a timeDuration literal (PT5M). */
        public static final String GRACE = "TimerEvent_Grace";
        public static final String INTERNAL_REJOINED = "CatchEvent_InternalRejoined";
        public static final String REMOVE = "Task_RemoveGuest";
        public static final String REMOVED = "EndEvent_GuestRemoved";
        /** The session's longest life: a timeDuration literal (PT24H) on the session. */
        public static final String SESSION_MAXIMUM = "BoundaryEvent_SessionMaximum";
        public static final String END_SESSION_AT_MAXIMUM = "Task_EndSessionAtMaximum";
        public static final String SESSION_EXPIRED = "EndEvent_SessionExpired";
        public static final String SESSION_ENDED = "EndEvent_SessionEnded";
        public static final String SESSION_CLOSED = "EndEvent_SessionClosed";

        private Elements() {}
    }

    public static final class Variables {
        public static final String SESSION = "sessionId";
        public static final String MEETING = "meetingId";
        /** The request being answered (set with {@link Messages#ACCESS_REQUESTED}). */
        public static final String REQUEST = "requestId";

        private Variables() {}
    }

    /**
     * Extension properties of the process element (Modeler: the process → Extension properties):
     * the invitation link's validity window around the scheduled start, ISO-8601 durations.
     */
    public static final class Properties {
        public static final String LINK_VALID_BEFORE = "linkValidBefore";
        public static final String LINK_VALID_AFTER = "linkValidAfter";

        private Properties() {}
    }

    /** Bean names the model binds to. */
    public static final class Workers {
        public static final String NOTIFY = "notifyGuestWaiting";
        public static final String EXPIRE = "expireGuestRequest";
        public static final String WARN = "warnGuest";
        public static final String REMOVE = "removeGuest";
        public static final String END_SESSION = "endGuestSession";

        private Workers() {}
    }

    private GuestAdmissionProcess() {}
}
