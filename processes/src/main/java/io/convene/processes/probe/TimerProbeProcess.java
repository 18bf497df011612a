package io.convene.processes.probe;

/** The timer-probe process: its key, the element ids code refers to, its variables. */
public final class TimerProbeProcess {

    public static final String KEY = "timer-probe";
    public static final String RESOURCE = "bpmn/timer-probe.bpmn";

    /** Element ids in {@code timer-probe.bpmn}. */
    public static final class Elements {
        public static final String START = "StartEvent_ProbeRequested";
        public static final String DELAY = "TimerEvent_ProbeDelay";
        public static final String RECORD = "Task_RecordProbe";
        public static final String END = "EndEvent_ProbeRecorded";

        private Elements() {}
    }

    /** Bean names the model binds to. */
    public static final class Workers {
        public static final String RECORD_PROBE = "recordTimerProbe";

        private Workers() {}
    }

    private TimerProbeProcess() {}
}
