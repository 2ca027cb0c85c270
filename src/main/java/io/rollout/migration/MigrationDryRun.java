package io.rollout.migration;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.migration.DryRunRules.Evaluation;
import io.rollout.migration.DryRunRules.Figures;
import io.rollout.migration.DryRunRules.Reconciliation;
import io.rollout.migration.MigrationRepository.Run;
import io.rollout.project.ProjectScope;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code UserTask_RunDryRun} in {@code SubProcess_DatasetMigration} of
 * {@code dataMigration}: reconciles {@code sourceRows}, {@code acceptedRows}, {@code rejectedRows},
 * {@code sourceFile}, {@code rejectReasons} with {@link DryRunRules} and refuses an unreconciled run;
 * otherwise stores the run as the next round, judges it against the project's reject threshold and
 * sets {@code round}, {@code rejectRate}, {@code dryRunClean} (for {@code Gateway_DryRunClean}) and
 * {@code dryRunFindings}, and records the gate decision {@code migrationDryRun}.
 */
@Component("migrationDryRun")
class MigrationDryRun implements TaskListener {

    static final String DECISION = "migrationDryRun";

    private final MigrationRepository migrations;
    private final ProjectScope scope;
    private final DecisionLog decisions;
    private final Messages messages;
    private final Clock clock;

    MigrationDryRun(MigrationRepository migrations, ProjectScope scope, DecisionLog decisions, Messages messages,
                    Clock clock) {
        this.migrations = migrations;
        this.scope = scope;
        this.decisions = decisions;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        String dataset = (String) task.getVariable("dataset");
        String sourceFile = FormInput.text(task.getVariable("sourceFile"));
        String rejectReasons = FormInput.text(task.getVariable("rejectReasons"));
        Reconciliation reconciliation = DryRunRules.reconcile(task.getVariable("sourceRows"),
            task.getVariable("acceptedRows"), task.getVariable("rejectedRows"), sourceFile, rejectReasons);
        if (!reconciliation.valid()) {
            throw Problem.reject(messages, reconciliation.problems());
        }
        Figures figures = reconciliation.figures();
        int round = migrations.lastRound(projectCode, dataset) + 1;
        String user = TaskForms.currentUser(task);
        migrations.recordRun(projectCode, dataset, new Run(round, figures, sourceFile,
            FormInput.text(task.getVariable("cleansingRules")), rejectReasons, user, Instant.now(clock)));
        int threshold = scope.project(projectCode).rejectThreshold();
        Evaluation evaluation = DryRunRules.evaluate(figures, threshold);
        String findings = messages.forRecord(evaluation.finding().code(), evaluation.finding().args());
        task.setVariable("round", round);
        task.setVariable("rejectRate", evaluation.rejectRate());
        task.setVariable("dryRunClean", evaluation.clean());
        task.setVariable("dryRunFindings", findings);
        decisions.record(new Decision(projectCode, DECISION, "dataset " + dataset + " round " + round,
            evaluation.clean() ? "passed" : "failed", List.of(findings),
            "source=" + figures.source() + ", accepted=" + figures.accepted() + ", rejected=" + figures.rejected()
                + ", threshold=" + threshold + "%, file=" + sourceFile + ", recordedBy=" + user,
            DecisionLog.SYSTEM, task.getProcessInstanceId()));
    }
}
