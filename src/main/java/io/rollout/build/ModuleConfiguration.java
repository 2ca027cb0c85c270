package io.rollout.build;

import io.rollout.build.BuildRules.ConfigurationItem;
import io.rollout.build.BuildRules.Result;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_ConfigureModule} in {@code SubProcess_ModuleBuild} of {@code buildPhase}.
 * <ul>
 * <li>create: sets the task-local {@code iterationPlan} (Markdown) that the configureModule form shows.</li>
 * <li>complete: checks the {@code configurationItems} rows with {@link BuildRules#configuration} (typed items,
 *     each linked to a requirement of the project); refuses with every problem, or stores them for the
 *     current iteration.</li>
 * </ul>
 * The form variables are local to each module's sub-process instance (input mappings), so parallel
 * modules never see each other's rows.
 */
@Component("moduleConfiguration")
class ModuleConfiguration implements TaskListener {

    private final BuildRepository builds;
    private final BuildSummaries summaries;
    private final Messages messages;

    ModuleConfiguration(BuildRepository builds, BuildSummaries summaries, Messages messages) {
        this.builds = builds;
        this.summaries = summaries;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        String module = (String) task.getVariable("module");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("iterationPlan", summaries.plan(projectCode, module));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            int iteration = builds.lastIteration(projectCode, module);
            boolean customisationsPlanned = builds.iteration(projectCode, module, iteration)
                .map(i -> Boolean.TRUE.equals(i.customisationsPlanned())).orElse(false);
            Result<List<ConfigurationItem>> result = BuildRules.configuration(
                JsonRows.read(task.getVariable("configurationItems")), customisationsPlanned,
                id -> builds.requirementExists(projectCode, id));
            if (!result.valid()) {
                throw Problem.reject(messages, result.problems());
            }
            builds.addConfigurationItems(projectCode, module, iteration, result.value());
        }
    }
}
