package io.rollout.modelling;

import io.rollout.shared.Engine;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The engine's side of a running migration: the batch that migrates the instances, whether it has ended, why its
 * jobs fail, and where the instances run now. The batch is started as the process owner, so Camunda's authorizations
 * and operation log apply; following it up reads as the system, whoever asks.
 */
@Component
class MigrationBatches {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final HistoryService history;
    private final Engine engine;

    MigrationBatches(RuntimeService runtime, ManagementService management, HistoryService history, Engine engine) {
        this.runtime = runtime;
        this.management = management;
        this.history = history;
        this.engine = engine;
    }

    /** Starts the batch that migrates the instances and returns its id. */
    String start(MigrationPlan plan, List<String> processInstanceIds) {
        Batch batch = runtime.newMigration(plan)
                .processInstanceIds(processInstanceIds)
                .executeAsync();
        return batch.getId();
    }

    /** True once the batch is gone and its history has an end time. */
    boolean ended(String batchId) {
        return engine.asSystem(() -> {
            HistoricBatch h =
                    history.createHistoricBatchQuery().batchId(batchId).singleResult();
            return management.createBatchQuery().batchId(batchId).count() == 0 && h != null && h.getEndTime() != null;
        });
    }

    /** The distinct exception messages of the batch's failing jobs; none once the batch is gone. */
    List<String> failures(String batchId) {
        return engine.asSystem(() -> {
            Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
            if (batch == null) {
                return List.<String>of();
            }
            return management
                    .createJobQuery()
                    .jobDefinitionId(batch.getBatchJobDefinitionId())
                    .withException()
                    .list()
                    .stream()
                    .map(Job::getExceptionMessage)
                    .distinct()
                    .toList();
        });
    }

    /** The instances among {@code processInstanceIds} still running, with the definition each runs on. */
    Map<String, String> stillRunning(Collection<String> processInstanceIds) {
        return engine.asSystem(() ->
                runtime
                        .createProcessInstanceQuery()
                        .processInstanceIds(new HashSet<>(processInstanceIds))
                        .list()
                        .stream()
                        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getProcessDefinitionId)));
    }
}
