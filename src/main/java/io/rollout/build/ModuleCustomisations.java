package io.rollout.build;

import io.rollout.build.BuildRules.Customisation;
import io.rollout.build.BuildRules.Result;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_DevelopCustomisations} in {@code SubProcess_ModuleBuild} of
 * {@code buildPhase}.
 * <ul>
 * <li>create: when this module instance has no {@code customisations} yet, prefills those of the
 *     module's previous iteration, if any.</li>
 * <li>complete: checks every row with {@link BuildRules#customisations} (justification required);
 *     refuses with every problem, or replaces the customisations of the current iteration.</li>
 * </ul>
 */
@Component("moduleCustomisations")
class ModuleCustomisations implements TaskListener {

    private final BuildRepository builds;
    private final Messages messages;

    ModuleCustomisations(BuildRepository builds, Messages messages) {
        this.builds = builds;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        String module = (String) task.getVariable("module");
        int iteration = builds.lastIteration(projectCode, module);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            if (task.getVariable("customisations") == null && iteration > 1) {
                task.setVariable("customisations", JsonRows.of(builds.customisations(projectCode, module, iteration - 1)
                    .stream().map(c -> BuildRows.of("kind", c.kind(), "description", c.description(),
                        "justification", c.justification(), "effortDays", c.effortDays(),
                        "requirementId", c.requirementId()))
                    .toList()));
            }
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Result<List<Customisation>> result = BuildRules.customisations(
                JsonRows.read(task.getVariable("customisations")), id -> builds.requirementExists(projectCode, id));
            if (!result.valid()) {
                throw Problem.reject(messages, result.problems());
            }
            builds.replaceCustomisations(projectCode, module, iteration, result.value());
        }
    }
}
