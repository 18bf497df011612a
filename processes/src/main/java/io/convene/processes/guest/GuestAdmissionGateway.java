package io.convene.processes.guest;

import io.convene.processes.guest.GuestAdmissionProcess.Elements;
import io.convene.processes.guest.GuestAdmissionProcess.Messages;
import io.convene.processes.guest.GuestAdmissionProcess.Properties;
import io.convene.processes.guest.GuestAdmissionProcess.Variables;
import io.convene.processes.support.ProcessDates;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The one place that starts guest-admission instances and tells them what happened (business
 * key = the guest session id), in the caller's transaction; and the reader of the literals the
 * code needs from the newest deployed model (so an analyst's edit in Modeler is what runs).
 */
@Component
public class GuestAdmissionGateway {

    /** The literals of the newest guest-admission model that the code needs outside the engine. */
    public record Rules(Duration linkValidBefore, Duration linkValidAfter, Duration sessionMaximum, Duration grace) {}

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final Map<String, Rules> rulesByDefinition = new ConcurrentHashMap<>();

    GuestAdmissionGateway(RuntimeService runtime, RepositoryService repository) {
        this.runtime = runtime;
        this.repository = repository;
    }

    public void registered(String sessionId, String meetingId) {
        runtime.startProcessInstanceByKey(GuestAdmissionProcess.KEY, sessionId,
                Map.of(Variables.SESSION, sessionId, Variables.MEETING, meetingId));
    }

    public void requested(String sessionId, String requestId) {
        correlate(sessionId, Messages.ACCESS_REQUESTED, Map.of(Variables.REQUEST, requestId));
    }

    public void admitted(String sessionId) {
        correlate(sessionId, Messages.ADMITTED, Map.of());
    }

    public void declined(String sessionId) {
        correlate(sessionId, Messages.DECLINED, Map.of());
    }

    public void sessionEnded(String sessionId) {
        correlate(sessionId, Messages.SESSION_ENDED, Map.of());
    }

    /** Every internal participant of the meeting has left: its admitted guests are warned. */
    public void allInternalLeft(String meetingId) {
        runtime.createMessageCorrelation(Messages.ALL_INTERNAL_LEFT)
                .processInstanceVariableEquals(Variables.MEETING, meetingId).correlateAll();
    }

    /** An internal participant is back within the grace: the removals wait again. */
    public void internalRejoined(String meetingId) {
        runtime.createMessageCorrelation(Messages.INTERNAL_REJOINED)
                .processInstanceVariableEquals(Variables.MEETING, meetingId).correlateAll();
    }

    /** The newest deployed model's literals (read once per deployed version). */
    public Rules rules() {
        ProcessDefinition latest = repository.createProcessDefinitionQuery()
                .processDefinitionKey(GuestAdmissionProcess.KEY).latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException(GuestAdmissionProcess.KEY + " is not deployed");
        }
        return rulesByDefinition.computeIfAbsent(latest.getId(), id -> read(repository.getBpmnModelInstance(id)));
    }

    static Rules read(BpmnModelInstance model) {
        Process process = model.getModelElementById(GuestAdmissionProcess.KEY);
        Map<String, String> properties = new java.util.HashMap<>();
        if (process.getExtensionElements() != null) {
            process.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
                    .forEach(p -> p.getCamundaProperties().forEach(
                            (CamundaProperty property) -> properties.put(property.getCamundaName(), property.getCamundaValue())));
        }
        return new Rules(duration(properties, Properties.LINK_VALID_BEFORE), duration(properties, Properties.LINK_VALID_AFTER),
                timer(model, Elements.SESSION_MAXIMUM), timer(model, Elements.GRACE));
    }

    private static Duration duration(Map<String, String> properties, String name) {
        String value = properties.get(name);
        if (value == null) {
            throw new IllegalStateException(GuestAdmissionProcess.KEY + " has no extension property " + name);
        }
        return Duration.parse(value.trim());
    }

    private static Duration timer(BpmnModelInstance model, String element) {
        ModelElementInstance timer = model.getModelElementById(element);
        return ProcessDates.timerDuration(timer);
    }

    private void correlate(String sessionId, String message, Map<String, Object> variables) {
        // correlateAll: no error when the instance is elsewhere (a late answer after an expiry, a session already over)
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(sessionId)
                .setVariables(variables).correlateAll();
    }
}
