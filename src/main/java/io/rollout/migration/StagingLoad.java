package io.rollout.migration;

import io.rollout.migration.MigrationRepository.Run;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Delegate of {@code ServiceTask_LoadStaging} (asynchronous) in {@code SubProcess_DatasetMigration} of
 * {@code dataMigration}: loads the accepted rows of the signed-off round into {@code migration_staging}
 * and sets {@code stagedRows}.
 */
@Component("stagingLoad")
class StagingLoad implements JavaDelegate {

    private final MigrationRepository migrations;
    private final MigrationService migration;
    private final StagingLoader loader;

    StagingLoad(MigrationRepository migrations, MigrationService migration, StagingLoader loader) {
        this.migrations = migrations;
        this.migration = migration;
        this.loader = loader;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String projectCode = (String) execution.getVariable("projectCode");
        String dataset = (String) execution.getVariable("dataset");
        Run run = migrations.latestSignedOffRun(projectCode, dataset)
            .orElseThrow(() -> new IllegalStateException("dataset " + dataset + " of " + projectCode
                + " has no signed-off round to load"));
        execution.setVariable("stagedRows", loader.load(projectCode, migration.definition(projectCode, dataset), run));
    }
}
