package io.convene.processes.support;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * What holds for every process of one business key (a meeting's meeting-lifecycle or a
 * call's instant-call, with their call-ring children): is one still running, end them all.
 */
@Component
public class ProcessInstances {

    private final RuntimeService runtime;

    ProcessInstances(RuntimeService runtime) {
        this.runtime = runtime;
    }

    public boolean anyRunning(String businessKey) {
        return runtime.createProcessInstanceQuery().rootProcessInstances()
                .processInstanceBusinessKey(businessKey).count() > 0;
    }

    public void deleteAll(String businessKey, String reason) {
        runtime.createProcessInstanceQuery().rootProcessInstances()
                .processInstanceBusinessKey(businessKey).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), reason));
    }
}
