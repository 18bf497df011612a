package io.convene.processes.softphone;

import io.convene.processes.softphone.InboundCallProcess.Messages;
import io.convene.processes.softphone.InboundCallProcess.Variables;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The one place that starts inbound-call instances and correlates their messages (business
 * key = the call-log row's id). Runs in the caller's transaction.
 */
@Component
public class InboundCallGateway {

    private final RuntimeService runtime;

    InboundCallGateway(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** The user's phone rings. */
    public void ringing(String callLogId, String userId) {
        runtime.startProcessInstanceByKey(InboundCallProcess.KEY, callLogId, Map.of(Variables.CALL_LOG_ID, callLogId,
                Variables.USER, userId, Variables.MISSED_REASON, InboundCallProcess.NO_ANSWER));
    }

    /** False when nothing rings any more (the no-answer timer was first). */
    public boolean answered(String callLogId) {
        return correlate(Messages.ANSWERED, callLogId, Map.of());
    }

    public boolean declined(String callLogId) {
        return correlate(Messages.DECLINED, callLogId, Map.of());
    }

    public boolean callerHungUp(String callLogId) {
        return correlate(Messages.CALLER_HUNG_UP, callLogId,
                Map.of(Variables.MISSED_REASON, InboundCallProcess.CALLER_HUNG_UP));
    }

    public boolean failed(String callLogId) {
        return correlate(Messages.FAILED, callLogId, Map.of());
    }

    private boolean correlate(String message, String callLogId, Map<String, Object> variables) {
        try {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(callLogId).setVariables(variables)
                    .correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException e) {
            return false;
        }
    }
}
