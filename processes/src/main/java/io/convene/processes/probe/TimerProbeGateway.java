package io.convene.processes.probe;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts timer-probe instances (business key = probe id), in the caller's transaction. */
@Component
public class TimerProbeGateway {

    private final RuntimeService runtime;

    TimerProbeGateway(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public void requested(String probeId) {
        runtime.startProcessInstanceByKey(TimerProbeProcess.KEY, probeId);
    }
}
