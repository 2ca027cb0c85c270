package io.rollout.build;

import io.rollout.build.BuildRules.ConfigurationItem;
import io.rollout.build.BuildRules.Result;
import io.rollout.shared.FormInput;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_ConfigureModule} in {@code SubProcess_ModuleBuild} of {@code buildPhase}.
 * <ul>
 * <li>create: when this module instance has no {@code configurationItems} yet but the module was built
 *     before, prefills them and {@code iterationGoal} from its latest iteration.</li>
 * <li>complete: checks goal and items with {@link BuildRules#configuration}; refuses with every problem,
 *     or starts the next iteration (previous iterations of the module + 1) with its items and sets
 *     {@code iteration}.</li>
 * </ul>
 * The form variables are local to each module's sub-process instance (input mappings), so parallel
 * modules never see each other's rows.
 */
@Component("moduleConfiguration")
class ModuleConfiguration implements TaskListener {

    private final BuildRepository builds;
    private final Messages messages;
    private final Clock clock;

    ModuleConfiguration(BuildRepository builds, Messages messages, Clock clock) {
        this.builds = builds;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        String module = (String) task.getVariable("module");
        int last = builds.lastIteration(projectCode, module);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            if (task.getVariable("configurationItems") == null && last > 0) {
                task.setVariable("configurationItems", JsonRows.of(builds.configurationItems(projectCode, module, last)
                    .stream().map(ModuleConfiguration::row).toList()));
                task.setVariable("iterationGoal", builds.goal(projectCode, module, last).orElse(null));
            }
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Result<List<ConfigurationItem>> result = BuildRules.configuration(
                JsonRows.read(task.getVariable("configurationItems")), FormInput.text(task.getVariable("iterationGoal")),
                id -> builds.requirementExists(projectCode, id));
            if (!result.valid()) {
                throw Problem.reject(messages, result.problems());
            }
            Instant started = task.getCreateTime() == null ? Instant.now(clock) : task.getCreateTime().toInstant();
            builds.startIteration(projectCode, module, last + 1, FormInput.text(task.getVariable("iterationGoal")),
                started, result.value());
            task.setVariable("iteration", last + 1);
        }
    }

    private static Map<String, Object> row(ConfigurationItem item) {
        return BuildRows.of("type", item.type(), "description", item.description(), "requirementId", item.requirementId());
    }
}
