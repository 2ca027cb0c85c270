package io.rollout.build;

import io.rollout.build.BuildRules.Demo;
import io.rollout.build.BuildRules.Result;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_DemoModule} in {@code SubProcess_ModuleBuild} of {@code buildPhase}: the
 * show-and-tell of the iteration to the module's key users and business owner.
 * <ul>
 * <li>create: sets the task-local {@code iterationPlan} text the form shows.</li>
 * <li>complete: requires {@code demoShown}, {@code demoAttendees} and {@code demoFeedback}
 *     ({@link BuildRules#demo}); refuses with every problem, or stores them on the current iteration.</li>
 * </ul>
 */
@Component("moduleDemo")
class ModuleDemo implements TaskListener {

    private final BuildRepository builds;
    private final BuildSummaries summaries;
    private final Messages messages;
    private final Clock clock;

    ModuleDemo(BuildRepository builds, BuildSummaries summaries, Messages messages, Clock clock) {
        this.builds = builds;
        this.summaries = summaries;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        String module = (String) task.getVariable("module");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("iterationPlan", summaries.plan(projectCode, module));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Result<Demo> result = BuildRules.demo(TaskForms.text(task, "demoShown"),
                TaskForms.text(task, "demoAttendees"), TaskForms.text(task, "demoFeedback"));
            if (!result.valid()) {
                throw Problem.reject(messages, result.problems());
            }
            builds.recordDemo(projectCode, module, builds.lastIteration(projectCode, module), result.value(),
                TaskForms.currentUser(task), Instant.now(clock));
        }
    }
}
