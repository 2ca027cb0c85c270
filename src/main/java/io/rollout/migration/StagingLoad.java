package io.rollout.migration;

import io.rollout.migration.MigrationRepository.Run;
import io.rollout.shared.JobLockKeeper;
import io.rollout.shared.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Delegate of {@code ServiceTask_LoadStaging} (asynchronous) in {@code SubProcess_DatasetMigration} of
 * {@code dataMigration}: loads the accepted rows of the signed-off round into {@code migration_staging}
 * and sets {@code stagedRows}, keeping the job's lock while a large load runs ({@link JobLockKeeper}).
 */
@Component("stagingLoad")
class StagingLoad implements JavaDelegate {

    private final MigrationRepository migrations;
    private final MigrationService migration;
    private final StagingLoader loader;
    private final JobLockKeeper lock;

    StagingLoad(MigrationRepository migrations, MigrationService migration, StagingLoader loader, JobLockKeeper lock) {
        this.migrations = migrations;
        this.migration = migration;
        this.loader = loader;
        this.lock = lock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String projectCode = ProcessVariables.projectCode(execution);
        String dataset = ProcessVariables.dataset(execution);
        Run run = migrations
                .latestSignedOffRun(projectCode, dataset)
                .orElseThrow(() -> new IllegalStateException(
                        "dataset " + dataset + " of " + projectCode + " has no signed-off round to load"));
        long staged =
                lock.whileRunning(() -> loader.load(projectCode, migration.definition(projectCode, dataset), run));
        execution.setVariable("stagedRows", staged);
    }
}
