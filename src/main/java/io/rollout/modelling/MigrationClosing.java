package io.rollout.modelling;

import io.rollout.modelling.ProcessMigrationRepository.Running;
import io.rollout.modelling.ProcessMigrations.InstanceCheck;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes every migration whose batch has ended: counts the instances now on the target version, stores the outcome
 * ({@code completed}, or {@code incomplete} when an instance is still on the source version) and records it in each
 * project's decision log. Runs on a schedule and before migrations are listed or read; the conditional update lets
 * only one node record it.
 */
@Component
class MigrationClosing {

    private final ProcessMigrationRepository migrations;
    private final MigrationBatches batches;
    private final MigrationRecords records;
    private final Clock clock;
    private final TransactionTemplate joined;

    MigrationClosing(
            ProcessMigrationRepository migrations,
            MigrationBatches batches,
            MigrationRecords records,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.migrations = migrations;
        this.batches = batches;
        this.records = records;
        this.clock = clock;
        this.joined = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${rollout.modelling.migration-check-interval:PT15S}")
    void refresh() {
        for (Running m : migrations.running()) {
            if (batches.ended(m.batchId())) {
                close(m);
            }
        }
    }

    private void close(Running migration) {
        joined.executeWithoutResult(status -> {
            List<InstanceCheck> instances = migrations.instances(migration.id());
            // an instance that ended while the batch ran is no failure: it has nothing left to migrate
            Map<String, String> stillRunning = batches.stillRunning(
                    instances.stream().map(InstanceCheck::processInstanceId).toList());
            Set<String> onTarget = stillRunning.entrySet().stream()
                    .filter(e -> e.getValue().equals(migration.targetDefinitionId()))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            String outcome = stillRunning.size() == onTarget.size() ? "completed" : "incomplete";
            if (migrations.close(migration.id(), outcome, Instant.now(clock), onTarget.size()) == 1) {
                records.closed(migration, outcome, instances, onTarget, stillRunning.keySet());
            }
        });
    }
}
