package io.convene.app.camunda;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Convene's changes to the embedded engine for timer precision (docs/operations.md, "Timer precision"):
 * the job executor is woken at each timer's due date ({@link TimerWakeUps}), every timer's lateness
 * is measured ({@link TimerLateness}), and the {@code convene} history level
 * ({@link ConveneHistoryLevel}) is available. A database created under another history level is
 * switched to the configured one at startup, with a warning (Camunda would refuse to start).
 */
@Component
class EngineTuningPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineTuningPlugin.class);

    private final TimerWakeUps wakeUps;
    private final TimerLateness lateness;
    private ProcessEngine engine;

    EngineTuningPlugin(TimerWakeUps wakeUps, TimerLateness lateness) {
        this.wakeUps = wakeUps;
        this.lateness = lateness;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new WakingJobManager.Factory(wakeUps));
        configuration.setCustomSessionFactories(factories);
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(new ConveneHistoryLevel());
        configuration.setCustomHistoryLevels(levels);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        lateness.measure(configuration.getJobHandlers());
        adoptConfiguredHistoryLevel(configuration);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        this.engine = processEngine;
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        prepareJobAcquisition(configuration);
        wakeUps.start(configuration.getJobExecutor(), processEngine.getManagementService());
    }

    /**
     * The job executor's acquisition query ({@code selectNextJobsToExecute}) with every job carrying a
     * due date ({@code ensure-job-due-date-not-null}) is a range on {@code DUEDATE_}: this partial index
     * serves it, so 200,000 meetings' pending timers are not scanned on every acquisition (EXPLAIN in
     * docs/benchmarks.md). Jobs written before that setting without a due date get their creation time,
     * or the query would never find them. Both idempotent, on every start; PostgreSQL only.
     */
    private void prepareJobAcquisition(ProcessEngineConfigurationImpl configuration) {
        if (!"postgres".equals(configuration.getDatabaseType()) || configuration.getDataSource() == null) {
            return;
        }
        String jobs = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
        try (Connection connection = configuration.getDataSource().getConnection();
             var statement = connection.createStatement()) {
            int dated = statement.executeUpdate("update " + jobs + " set DUEDATE_ = coalesce(CREATE_TIME_, now()) where DUEDATE_ is null");
            statement.execute("create index if not exists CONVENE_IDX_JOB_ACQUISITION on " + jobs
                    + " (DUEDATE_) where RETRIES_ > 0 and SUSPENSION_STATE_ = 1");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            if (dated > 0) {
                log.info("{} jobs without a due date got their creation time (the job executor acquires by due date)", dated);
            }
        } catch (SQLException e) {
            // another node creating the same index at the same moment; the index is an optimisation
            log.warn("Could not prepare the job acquisition index ({}); acquisition works without it, slower", e.toString());
        }
    }

    /** After the auto-deployment: every deployed timer has its lateness series from the start. */
    @EventListener(ApplicationReadyEvent.class)
    void registerTimerSeries() {
        if (engine != null) {
            lateness.registerDeployed(engine.getManagementService());
        }
    }

    /**
     * Camunda stores the history level in ACT_GE_PROPERTY and refuses to start when the configuration
     * says another one. Convene's level is part of the product, so an existing database (created under
     * {@code full} before Convene had its own level) is switched to the configured one; history written
     * before stays as it is.
     */
    private void adoptConfiguredHistoryLevel(ProcessEngineConfigurationImpl configuration) {
        HistoryLevel configured = configuration.getHistoryLevel();
        if (configured == null || configuration.getDataSource() == null) {
            return;
        }
        String table = configuration.getDatabaseTablePrefix() + "ACT_GE_PROPERTY";
        try (Connection connection = configuration.getDataSource().getConnection()) {
            if (!connection.getMetaData().getTables(null, null, table.toLowerCase(), null).next()
                    && !connection.getMetaData().getTables(null, null, table, null).next()) {
                return; // a new database: the engine writes the configured level itself
            }
            String stored;
            try (PreparedStatement select = connection.prepareStatement(
                    "select VALUE_ from " + table + " where NAME_ = 'historyLevel'");
                 ResultSet row = select.executeQuery()) {
                stored = row.next() ? row.getString(1) : null;
            }
            if (stored == null || stored.equals(Integer.toString(configured.getId()))) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update " + table + " set VALUE_ = ?, REV_ = REV_ + 1 where NAME_ = 'historyLevel' and VALUE_ = ?")) {
                update.setString(1, Integer.toString(configured.getId()));
                update.setString(2, stored);
                update.executeUpdate();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            log.warn("Camunda's history level in the database was {}; switched to the configured '{}' (id {}). "
                    + "History written before stays; from now on the engine writes what '{}' keeps.",
                    stored, configured.getName(), configured.getId(), configured.getName());
        } catch (SQLException e) {
            throw new IllegalStateException("could not read or switch Camunda's history level in " + table, e);
        }
    }
}
