package io.convene.processes.call;

import io.convene.processes.call.InstantCallProcess.Messages;
import io.convene.processes.call.InstantCallProcess.Variables;
import io.convene.processes.support.ProcessDates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The one place that starts instant-call instances and correlates their messages
 * and those of their call-ring children (business key = call id). Runs in the
 * caller's transaction.
 */
@Component
public class InstantCallGateway {

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final Map<String, Duration> maximumByDefinition = new ConcurrentHashMap<>();

    InstantCallGateway(RuntimeService runtime, RepositoryService repository) {
        this.runtime = runtime;
        this.repository = repository;
    }

    /**
     * How long a call may last: the newest model's maximum ({@code TimerEvent_CallMaximum}, "4 h
     * maximum"), read once per deployed version. A call's end time shows it while it runs.
     */
    public Duration maximumDuration() {
        ProcessDefinition latest = repository.createProcessDefinitionQuery()
                .processDefinitionKey(InstantCallProcess.KEY).latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException(InstantCallProcess.KEY + " is not deployed");
        }
        return maximumByDefinition.computeIfAbsent(latest.getId(), id -> ProcessDates.timerDuration(
                repository.getBpmnModelInstance(id).getModelElementById(InstantCallProcess.Elements.CALL_MAXIMUM)));
    }

    /** Starts the call's process, ringing {@code ringees} (the online callees). */
    public void started(String callId, String callerId, List<String> ringees) {
        runtime.startProcessInstanceByKey(InstantCallProcess.KEY, callId,
                Map.of(Variables.RINGEES, ringees, Variables.CALLER, callerId));
    }

    /** Rings one more person in a running call. */
    public void ringLateInvitee(String callId, String calleeId) {
        runtime.createMessageCorrelation(Messages.INVITE).processInstanceBusinessKey(callId)
                .setVariableToTriggeredScope(Variables.CALLEE, calleeId).correlate(); // the event subprocess's own
    }

    /** The callee answered their ring; false when nothing rings them any more. */
    public boolean answered(String callId, String calleeId, boolean accepted) {
        try {
            runtime.createMessageCorrelation(accepted ? Messages.RING_ACCEPTED : Messages.RING_DECLINED)
                    .processInstanceBusinessKey(callId)
                    .processInstanceVariableEquals(Variables.CALLEE, calleeId)
                    .correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException e) {
            return false;
        }
    }

    /** How many phones ring now in this call: its call-ring instances (one query, no callee look-up). */
    public long ringCount(String callId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(InstantCallProcess.RING_KEY)
                .processInstanceBusinessKey(callId).count();
    }

    /** The callees whose phone rings now in this call (a call-ring instance is waiting for their answer). */
    public List<String> ringing(String callId) {
        List<String> rings = runtime.createProcessInstanceQuery().processDefinitionKey(InstantCallProcess.RING_KEY)
                .processInstanceBusinessKey(callId).list().stream().map(ProcessInstance::getId).toList();
        if (rings.isEmpty()) {
            return List.of();
        }
        return runtime.createVariableInstanceQuery().processInstanceIdIn(rings.toArray(String[]::new))
                .variableName(Variables.CALLEE).list().stream()
                .map(variable -> (String) variable.getValue()).distinct().toList();
    }

    /** The last participant left or the caller ended it. */
    public void ended(String callId, Instant endedAt) {
        runtime.createMessageCorrelation(Messages.ENDED).processInstanceBusinessKey(callId)
                .setVariables(Map.of(Variables.ENDED_AT, Date.from(endedAt)))
                .correlateAll();
    }
}
