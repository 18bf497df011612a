package io.convene.processes.meeting;

/**
 * The disconnect-leave-sweep process: the fallback of "disconnect = leave" (docs/presence.md). Every
 * 5 minutes it finds the participants whose join their sockets track and who have had no live socket
 * for longer than the leave grace, and each leaves in a job of its own.
 */
public final class DisconnectLeaveSweepProcess {

    public static final String KEY = "disconnect-leave-sweep";
    public static final String RESOURCE = "bpmn/disconnect-leave-sweep.bpmn";

    public static final class Elements {
        public static final String EVERY_FIVE_MINUTES = "StartEvent_EveryFiveMinutes";
        public static final String FIND = "Task_FindDisconnected";
        public static final String LEAVE = "Task_LeaveDisconnected";
        public static final String SWEPT = "EndEvent_Swept";

        private Elements() {}
    }

    public static final class Workers {
        /** Sets {@link Variables#DEPARTURES}. */
        public static final String FIND = "findDisconnectedParticipants";
        /** Reads {@link Variables#DEPARTURE}. */
        public static final String LEAVE = "leaveDisconnectedParticipant";

        private Workers() {}
    }

    public static final class Variables {
        /** The participations to leave: a list of {@link #departure} strings (the multi-instance's collection). */
        public static final String DEPARTURES = "departures";
        /** One of them (the multi-instance's element). */
        public static final String DEPARTURE = "departure";

        private Variables() {}
    }

    /** One participation as a process variable: the meeting's id, a space, the user's id (ids hold no spaces). */
    public static String departure(String meetingId, String userId) {
        return meetingId + " " + userId;
    }

    public static String meetingIdOf(String departure) {
        return departure.substring(0, departure.indexOf(' '));
    }

    public static String userIdOf(String departure) {
        return departure.substring(departure.indexOf(' ') + 1);
    }

    private DisconnectLeaveSweepProcess() {}
}
