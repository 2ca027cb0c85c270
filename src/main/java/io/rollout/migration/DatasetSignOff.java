package io.rollout.migration;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.identity.DepartmentOwners;
import io.rollout.identity.RoleMembers;
import io.rollout.migration.MigrationRepository.Run;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_SignOffDataset} in {@code SubProcess_DatasetMigration} of
 * {@code dataMigration}, a task of the business owners of the dataset's department.
 * <ul>
 * <li>create: sets, task-locally, what the signOffData form shows: {@code latestRunSummary} (Markdown: the
 *     reconciliation of the latest dry run with sums, top reasons and downloads) and the table
 *     {@code earlierRounds} (each earlier round's counts, main reject reasons, and whether the dry run sent it back
 *     or an owner refused it, with the comment), {@code hasEarlierRounds} whether there are any; clears the
 *     previous round's {@code dataSignedOff} and {@code signOffComment}.</li>
 * <li>complete: checks the decision with {@link SignOffRules}, requires that the user signing off is a business owner of the department the dataset's stored
 *     definition names (not the variable {@code datasetDepartment}), {@code dataSignedOff} (yes/no) and a {@code signOffComment} when refused;
 *     stores {@code migration_signoff} for the latest round, records the decision {@code dataSignOff},
 *     writes {@code dataSignedOff} back as a Boolean for {@code Gateway_DataSignedOff} and, when
 *     refused, puts the owner's reason into {@code dryRunFindings} for the data steward.</li>
 * </ul>
 */
@Component("datasetSignOff")
class DatasetSignOff extends FormTaskListener {

    static final String DECISION = "dataSignOff";

    private final DepartmentOwners owners;
    private final MigrationRepository migrations;
    private final MigrationService migration;
    private final RunReport report;
    private final DecisionLog decisions;
    private final RoleMembers members;
    private final Messages messages;
    private final Clock clock;

    DatasetSignOff(
            MigrationRepository migrations,
            MigrationService migration,
            RunReport report,
            DecisionLog decisions,
            RoleMembers members,
            Messages messages,
            Clock clock,
            DepartmentOwners owners) {
        this.owners = owners;
        this.migrations = migrations;
        this.migration = migration;
        this.report = report;
        this.decisions = decisions;
        this.members = members;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String dataset = ProcessVariables.dataset(task);
        Run run = latestRun(projectCode, dataset);
        int threshold = migration.threshold(projectCode, migration.definition(projectCode, dataset));
        task.setVariableLocal(
                "latestRunSummary",
                report.of(projectCode, dataset, run, DryRunRules.evaluate(run.figures(), threshold)));
        List<Map<String, Object>> earlier = report.earlierRounds(projectCode, dataset);
        task.setVariableLocal("earlierRounds", JsonRows.of(earlier));
        task.setVariableLocal("hasEarlierRounds", !earlier.isEmpty());
        // each round is decided afresh: the form must not come with the previous round's decision and comment,
        // which a sign-off would otherwise store again (the earlier rounds' table keeps them)
        task.setVariable("dataSignedOff", null);
        task.setVariable("signOffComment", null);
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String dataset = ProcessVariables.dataset(task);
        Run run = latestRun(projectCode, dataset);
        Boolean signedOff = FormInput.yesNo(task.getVariable("dataSignedOff"));
        String comment = FormInput.text(task.getVariable("signOffComment"));
        List<Problem> problems = SignOffRules.decision(signedOff, comment);
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        String user = TaskForms.currentUser(task);
        requireOwner(task, projectCode, dataset);
        migrations.recordSignOff(projectCode, dataset, run.round(), signedOff, comment, user, Instant.now(clock));
        decisions.record(new Decision(
                projectCode,
                DECISION,
                "dataset " + dataset + " round " + run.round(),
                signedOff ? "signed-off" : "refused",
                comment == null ? List.of() : List.of(comment),
                "source=" + run.figures().source() + ", accepted="
                        + run.figures().accepted() + ", rejected="
                        + run.figures().rejected() + ", file=" + run.sourceFile(),
                user,
                task.getProcessInstanceId()));
        task.setVariable("dataSignedOff", signedOff);
        if (!signedOff) {
            task.setVariable(
                    "dryRunFindings",
                    messages.forRecord("migration.signOff.refused", members.displayName(user), comment));
        }
    }

    private Run latestRun(String projectCode, String dataset) {
        return migrations
                .latestRun(projectCode, dataset)
                .orElseThrow(
                        () -> new IllegalStateException("no dry run of dataset " + dataset + " in " + projectCode));
    }

    /**
     * Whoever signs off through Tasklist or the API must be a business owner of the department that the dataset's
     * stored definition names, whatever the task's candidates or assignee are (a claim can name any user): the
     * owning department is read from the definition, not from a process variable. Without a user (the engine's
     * own jobs, process tests) there is no one to check.
     */
    private void requireOwner(DelegateTask task, String projectCode, String dataset) {
        Authentication auth =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String department = migration.definition(projectCode, dataset).department();
        if (auth == null || auth.getUserId() == null || department == null) {
            return;
        }
        if (!owners.isOwner(auth.getUserId(), department)) {
            throw Problem.reject(
                    messages, List.of(Problem.of("migration.signOff.notOwner", auth.getUserId(), dataset, department)));
        }
    }
}
