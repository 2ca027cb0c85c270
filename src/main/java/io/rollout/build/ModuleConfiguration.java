package io.rollout.build;

import io.rollout.build.BuildRules.ConfigurationItem;
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
 * Task listener of {@code UserTask_ConfigureModule} in {@code SubProcess_ModuleBuild} of {@code buildPhase}.
 * <ul>
 * <li>create: sets, task-locally, the {@code iterationPlan} (Markdown) and {@code scopeRows} (table) that the
 *     configureModule form shows, the {@code requirementOptions} (the iteration's requirements first) and the list
 *     {@code configurationItems} as Json with one empty row.</li>
 * <li>complete: checks the {@code configurationItems} rows with {@link BuildRules#configuration} (typed items,
 *     each linked to a requirement of the project); refuses with every problem, or stores them for the
 *     current iteration.</li>
 * </ul>
 * The rows are local to the task, so parallel modules never see each other's rows and a new iteration starts
 * with an empty list.
 */
@Component("moduleConfiguration")
class ModuleConfiguration extends FormTaskListener {

    static final String ROWS = "configurationItems";

    private final BuildRepository builds;
    private final BuildSummaries summaries;
    private final BuildOptions options;
    private final Messages messages;

    ModuleConfiguration(BuildRepository builds, BuildSummaries summaries, BuildOptions options, Messages messages) {
        this.builds = builds;
        this.summaries = summaries;
        this.options = options;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String module = ProcessVariables.module(task);
        task.setVariableLocal("iterationPlan", summaries.plan(projectCode, module));
        task.setVariableLocal(BuildSummaries.SCOPE_ROWS, summaries.scopeRows(projectCode, module));
        task.setVariableLocal("requirementOptions", options.iterationRequirements(projectCode, module));
        TaskForms.prefill(task, ROWS, JsonRows.of(List.of(Map.of())));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String module = ProcessVariables.module(task);
        int iteration = builds.lastIteration(projectCode, module);
        boolean customisationsPlanned = builds.iteration(projectCode, module, iteration)
                .map(i -> Boolean.TRUE.equals(i.customisationsPlanned()))
                .orElse(false);
        Checked<List<ConfigurationItem>> result = BuildRules.configuration(
                JsonRows.read(TaskForms.submitted(task, ROWS)),
                customisationsPlanned,
                id -> builds.requirementExists(projectCode, id));
        if (!result.valid()) {
            throw Problem.reject(messages, result.problems());
        }
        builds.addConfigurationItems(projectCode, module, iteration, result.value());
    }
}
