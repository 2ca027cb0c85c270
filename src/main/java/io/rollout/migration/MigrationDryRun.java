package io.rollout.migration;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.migration.MigrationService.RunOutcome;
import io.rollout.shared.JobLockKeeper;
import io.rollout.shared.ProcessVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Delegate of {@code ServiceTask_RunDryRun} (asynchronous, so a long run holds no HTTP request) in
 * {@code SubProcess_DatasetMigration} of {@code dataMigration}: runs the dataset's rules over the
 * extract {@code extractId} ({@link MigrationService#dryRun}), and sets {@code round},
 * {@code rejectRate}, {@code dryRunClean} for {@code Gateway_DryRunClean} (false also when the file was
 * refused further down) and {@code dryRunFindings} (the reconciliation with the top reasons, or why the
 * file was refused); records the gate decision {@code migrationDryRun}.
 */
@Component("migrationDryRun")
class MigrationDryRun implements JavaDelegate {

    static final String DECISION = "migrationDryRun";

    private final MigrationService migration;
    private final RunReport report;
    private final DecisionLog decisions;
    private final JobLockKeeper lock;
    private final DryRunMetrics metrics;

    MigrationDryRun(
            MigrationService migration,
            RunReport report,
            DecisionLog decisions,
            JobLockKeeper lock,
            DryRunMetrics metrics) {
        this.migration = migration;
        this.report = report;
        this.decisions = decisions;
        this.lock = lock;
        this.metrics = metrics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String projectCode = ProcessVariables.projectCode(execution);
        String dataset = (String) execution.getVariable("dataset");
        long extractId = ((Number) execution.getVariable(ExtractUpload.EXTRACT_ID)).longValue();
        // a large extract may take longer than the job executor's lock time: keep the lock while it runs
        RunOutcome outcome = lock.whileRunning(() -> migration.dryRun(projectCode, dataset, extractId));
        metrics.record(dataset, outcome);
        execution.setVariable(ExtractUpload.EXTRACT_ID, null);
        if (outcome.run() == null) {
            String findings = report.refused(dataset, outcome.fileName(), outcome.refusal());
            execution.setVariable("dryRunClean", false);
            execution.setVariable("dryRunFindings", findings);
            decisions.record(new Decision(
                    projectCode,
                    DECISION,
                    "dataset " + dataset + " file " + outcome.fileName(),
                    "refused",
                    List.of(outcome.refusal()),
                    "extract=" + extractId,
                    DecisionLog.SYSTEM,
                    execution.getProcessInstanceId()));
            return;
        }
        var run = outcome.run();
        execution.setVariable("round", run.round());
        execution.setVariable("rejectRate", outcome.evaluation().rejectRate());
        execution.setVariable("dryRunClean", outcome.evaluation().clean());
        execution.setVariable("dryRunFindings", report.of(projectCode, dataset, run, outcome.evaluation()));
        decisions.record(new Decision(
                projectCode,
                DECISION,
                "dataset " + dataset + " round " + run.round(),
                outcome.evaluation().clean() ? "passed" : "failed",
                List.of(report.finding(outcome.evaluation())),
                "source=" + run.figures().source() + ", accepted="
                        + run.figures().accepted() + ", rejected="
                        + run.figures().rejected() + ", duplicates=" + run.duplicateRows() + ", threshold="
                        + outcome.threshold() + "%, file=" + run.sourceFile() + ", reasons=" + run.rejectReasons(),
                DecisionLog.SYSTEM,
                execution.getProcessInstanceId()));
    }
}
