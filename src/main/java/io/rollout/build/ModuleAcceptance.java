package io.rollout.build;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.build.BuildRepository.StoredCustomisation;
import io.rollout.shared.Checked;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_AcceptModule} in {@code SubProcess_ModuleBuild} of {@code buildPhase}; the
 * task's candidates are the business owners of the module's owning department ({@code moduleDepartment}).
 * <ul>
 * <li>create: sets, task-locally, what the acceptModule form shows: {@code iterationSummary} (Markdown: plan, demo
 *     feedback, upgrade risk) and the tables {@code scopeRows}, {@code configurationItemRows} (this iteration) and
 *     {@code customisationRows} (the module's, with their status).</li>
 * <li>complete: requires {@code moduleAccepted} (yes/no) and an {@code acceptanceComment} when not
 *     accepted; stores {@code module_acceptance}, ends the iteration, records the decision
 *     {@code moduleAcceptance} (subject "module &lt;module&gt; iteration &lt;n&gt;", with the upgrade risk in its
 *     inputs) and writes {@code moduleAccepted} back as a Boolean for {@code Gateway_ModuleAccepted}.</li>
 * </ul>
 */
@Component("moduleAcceptance")
class ModuleAcceptance extends FormTaskListener {

    static final String DECISION = "moduleAcceptance";

    private final BuildRepository builds;
    private final BuildProgress progress;
    private final BuildSummaries summaries;
    private final DecisionLog decisions;
    private final Messages messages;
    private final Clock clock;

    ModuleAcceptance(
            BuildRepository builds,
            BuildProgress progress,
            BuildSummaries summaries,
            DecisionLog decisions,
            Messages messages,
            Clock clock) {
        this.builds = builds;
        this.progress = progress;
        this.summaries = summaries;
        this.decisions = decisions;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String module = ProcessVariables.module(task);
        task.setVariableLocal("iterationSummary", summaries.acceptance(projectCode, module));
        task.setVariableLocal(BuildSummaries.SCOPE_ROWS, summaries.scopeRows(projectCode, module));
        task.setVariableLocal(BuildSummaries.ITEM_ROWS, summaries.itemRows(projectCode, module));
        task.setVariableLocal(BuildSummaries.CUSTOMISATION_ROWS, summaries.customisationRows(projectCode, module));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String module = ProcessVariables.module(task);
        int iteration = builds.lastIteration(projectCode, module);
        String comment = FormInput.text(task.getVariable("acceptanceComment"));
        Checked<Boolean> result = BuildRules.acceptance(FormInput.yesNo(task.getVariable("moduleAccepted")), comment);
        if (!result.valid()) {
            throw Problem.reject(messages, result.problems());
        }
        boolean accepted = result.value();
        String user = TaskForms.currentUser(task);
        builds.recordAcceptance(projectCode, module, iteration, accepted, comment, user, Instant.now(clock));
        decisions.record(new Decision(
                projectCode,
                DECISION,
                "module " + module + " iteration " + iteration,
                accepted ? "accepted" : "rejected",
                comment == null ? List.of() : List.of(comment),
                inputs(projectCode, module, iteration),
                user,
                task.getProcessInstanceId()));
        task.setVariable("moduleAccepted", accepted);
    }

    private String inputs(String projectCode, String module, int iteration) {
        UpgradeRisk risk = progress.upgradeRisk(projectCode, module);
        List<StoredCustomisation> customisations = builds.customisations(projectCode, module);
        return "department=" + progress.department(projectCode, module)
                + ", configurationItems="
                + builds.configurationItems(projectCode, module).stream()
                        .filter(i -> i.iteration() == iteration)
                        .count()
                + ", customisations="
                + customisations.stream()
                        .filter(c -> CustomisationRules.DEVELOPED.equals(c.status()))
                        .count() + " developed of "
                + customisations.size()
                + ", upgradeRisk=" + risk.sharePercent() + "% (" + risk.customised() + "/" + risk.requirements()
                + " requirements), customisationEffortDays=" + risk.customisationDays();
    }
}
