package io.rollout.build;

import io.rollout.build.BuildRules.Customisation;
import io.rollout.shared.Checked;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_ProposeCustomisations} in {@code SubProcess_ModuleBuild} of
 * {@code buildPhase}.
 * <ul>
 * <li>create: sets, task-locally, the {@code iterationPlan} and {@code upgradeRisk} texts and the {@code scopeRows}
 *     table the form shows, the {@code requirementOptions} (the iteration's requirements first) and the list
 *     {@code customisations} as Json with one empty row.</li>
 * <li>complete: refuses without a vendor baseline of the module; checks the {@code customisations} rows with
 *     {@link BuildRules#customisations}; refuses with every problem, or stores them as proposals of the
 *     current iteration, each for the PMO or, above {@code rollout.build.steering-threshold-days}, the
 *     steering committee to approve.</li>
 * </ul>
 */
@Component("customisationProposals")
class CustomisationProposals extends FormTaskListener {

    static final String ROWS = "customisations";

    private final BuildRepository builds;
    private final BuildProgress progress;
    private final BuildSummaries summaries;
    private final BuildOptions options;
    private final BuildProperties properties;
    private final Messages messages;

    CustomisationProposals(
            BuildRepository builds,
            BuildProgress progress,
            BuildSummaries summaries,
            BuildOptions options,
            BuildProperties properties,
            Messages messages) {
        this.builds = builds;
        this.progress = progress;
        this.summaries = summaries;
        this.options = options;
        this.properties = properties;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String module = ProcessVariables.module(task);
        task.setVariableLocal("iterationPlan", summaries.plan(projectCode, module));
        task.setVariableLocal("upgradeRisk", summaries.upgradeRisk(projectCode, module));
        task.setVariableLocal(BuildSummaries.SCOPE_ROWS, summaries.scopeRows(projectCode, module));
        task.setVariableLocal("requirementOptions", options.iterationRequirements(projectCode, module));
        TaskForms.prefill(task, ROWS, JsonRows.of(List.of(Map.of())));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String module = ProcessVariables.module(task);
        progress.requireBaseline(projectCode, module);
        Checked<List<Customisation>> result = BuildRules.customisations(
                JsonRows.read(TaskForms.submitted(task, ROWS)), id -> builds.requirementExists(projectCode, id));
        if (!result.valid()) {
            throw Problem.reject(messages, result.problems());
        }
        builds.propose(
                projectCode,
                module,
                builds.lastIteration(projectCode, module),
                result.value(),
                c -> CustomisationRules.board(c.effortDays(), properties.steeringThresholdDays()));
    }
}
