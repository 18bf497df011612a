package io.convene.app.camunda;

import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.BATCH_END;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.BATCH_START;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.BATCH_UPDATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.EXTERNAL_TASK_FAIL;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.IDENTITY_LINK_ADD;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.IDENTITY_LINK_DELETE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_CREATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_DELETE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_MIGRATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_RESOLVE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.INCIDENT_UPDATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.JOB_FAIL;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.PROCESS_INSTANCE_END;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.PROCESS_INSTANCE_MIGRATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.PROCESS_INSTANCE_START;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.PROCESS_INSTANCE_UPDATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.TASK_INSTANCE_COMPLETE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.TASK_INSTANCE_CREATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.TASK_INSTANCE_DELETE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.TASK_INSTANCE_MIGRATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.TASK_INSTANCE_UPDATE;
import static org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.USER_OPERATION_LOG;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;

/**
 * History level {@code convene}: what operations and Cockpit use, without the per-step rows.
 * Kept: process instances (start, end, state; history cleanup works on them), incidents, failed
 * jobs and external tasks (with their error), user tasks, identity links, batches and the user
 * operation log. Not written: activity instances, variable values and their details, and the job
 * and external-task log of successful runs — per ring or webhook retry those were most of the
 * engine's writes (docs/benchmarks.md, timer precision). Convene's own call log and webhook
 * delivery log are its tables, not Camunda history.
 */
final class ConveneHistoryLevel extends AbstractHistoryLevel {

    static final String NAME = "convene";
    /** Camunda's own levels are 0 (none) to 3 (full); custom ids must differ from them. */
    static final int ID = 31;

    private static final Set<HistoryEventType> KEPT = Set.of(
            PROCESS_INSTANCE_START, PROCESS_INSTANCE_UPDATE, PROCESS_INSTANCE_MIGRATE, PROCESS_INSTANCE_END,
            INCIDENT_CREATE, INCIDENT_MIGRATE, INCIDENT_DELETE, INCIDENT_RESOLVE, INCIDENT_UPDATE,
            JOB_FAIL, EXTERNAL_TASK_FAIL,
            TASK_INSTANCE_CREATE, TASK_INSTANCE_UPDATE, TASK_INSTANCE_MIGRATE, TASK_INSTANCE_COMPLETE, TASK_INSTANCE_DELETE,
            IDENTITY_LINK_ADD, IDENTITY_LINK_DELETE,
            BATCH_START, BATCH_UPDATE, BATCH_END,
            USER_OPERATION_LOG);

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return KEPT.contains(eventType);
    }
}
