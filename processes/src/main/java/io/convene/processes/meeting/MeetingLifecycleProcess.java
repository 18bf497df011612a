package io.convene.processes.meeting;

/** The meeting-lifecycle process: key, messages, element ids, variables, worker beans. */
public final class MeetingLifecycleProcess {

    public static final String KEY = "meeting-lifecycle";
    public static final String RESOURCE = "bpmn/meeting-lifecycle.bpmn";

    /** Message names the API correlates by business key (= meeting id). */
    public static final class Messages {
        public static final String STARTED = "MeetingStarted";
        public static final String ENDED = "MeetingEnded";
        public static final String RESCHEDULED = "MeetingRescheduled";
        public static final String CANCELLED = "MeetingCancelled";
        /** The last participant left before the scheduled end: the meeting stays joinable until then. */
        public static final String EMPTIED = "MeetingEmptied";
        /** Someone joined the empty meeting again. */
        public static final String REJOINED = "MeetingRejoined";

        private Messages() {}
    }

    public static final class Elements {
        public static final String OPEN = "SubProcess_Open";
        public static final String TIMER_15_MIN_BEFORE = "TimerEvent_15MinBefore";
        public static final String TIMER_AT_START = "TimerEvent_AtStart";
        public static final String SEND_REMINDER_15 = "Task_SendReminder15";
        public static final String SEND_REMINDER_AT_START = "Task_SendReminderAtStart";
        /** Waits for an early start (the message) or the start time (the timer), whichever comes first. */
        public static final String WAIT_FOR_START_GATEWAY = "Gateway_WaitForStart";
        public static final String WAIT_FOR_START = "CatchEvent_MeetingStarted";
        public static final String START_TIME = "TimerEvent_StartTime";
        public static final String START_MEETING = "Task_StartMeeting";
        public static final String IN_PROGRESS = "Gateway_InProgress";
        public static final String WAIT_FOR_END = "CatchEvent_MeetingEnded";
        public static final String EMPTY_UNTIL_END = "Gateway_EmptyUntilEnd";
        public static final String EMPTY_AT_SCHEDULED_END = "TimerEvent_EmptyAtScheduledEnd";
        public static final String WAIT_FOR_REJOIN = "CatchEvent_MeetingRejoined";
        public static final String END_EMPTY = "Task_EndEmptyMeeting";
        public static final String CANCELLED_RETENTION = "TimerEvent_CancelledRetention";
        /** Never started, or in progress and never ended: 8 h after the scheduled end. */
        public static final String ABANDONED = "BoundaryEvent_Abandoned";
        public static final String CLOSE_ABANDONED = "Task_CloseAbandonedMeeting";
        public static final String CLEANUP_WINDOW = "TimerEvent_CleanupWindow";
        public static final String CLEANUP = "Task_CleanupMeeting";
        public static final String CLEANED_UP = "EndEvent_MeetingCleanedUp";

        private Elements() {}
    }

    public static final class Variables {
        public static final String START_TIME = "startTime";
        public static final String END_TIME = "endTime";
        public static final String ENDED_AT = "endedAt";
        /** The start time the 15-min reminder was sent for: reminders belong to a start time. */
        public static final String REMINDER_15_SENT_FOR = "reminder15SentFor";
        /** The start time the at-start reminder was sent for. */
        public static final String REMINDER_AT_START_SENT_FOR = "reminderAtStartSentFor";
        /** Input of the reminder tasks: which reminder ({@code 15_min_before} | {@code at_start}). */
        public static final String REMINDER_TYPE = "reminderType";
        /** When the 15-min reminder is due (start − PT15M); its timer fires a look-ahead before that. */
        public static final String REMINDER_15_DUE_AT = "reminder15DueAt";
        /** Task input: the instant a reminder is delivered at (absent: at once). */
        public static final String DELIVER_AT = "deliverAt";
        /** Input of the at-start reminder task: how long it shows (ISO-8601). */
        public static final String EXPIRES_AFTER = "expiresAfter";

        private Variables() {}
    }

    public static final class Workers {
        public static final String SEND_REMINDER = "sendMeetingReminder";
        public static final String CLOSE = "closeMeeting";
        public static final String CLEANUP = "cleanupMeeting";
        public static final String END_EMPTY = "endEmptyMeeting";
        public static final String START_AT_START_TIME = "startMeetingAtStartTime";

        private Workers() {}
    }

    public static final String REMINDER_15_MIN_BEFORE = "15_min_before";
    public static final String REMINDER_AT_START = "at_start";

    private MeetingLifecycleProcess() {}
}
