package io.rollout.build;

import io.rollout.build.BuildRules.Demo;
import io.rollout.build.BuildRules.DemoInput;
import io.rollout.identity.RoleMembers;
import io.rollout.shared.Checked;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_DemoModule} in {@code SubProcess_ModuleBuild} of {@code buildPhase}: the
 * show-and-tell of the iteration to the module's key users and business owner.
 * <ul>
 * <li>create: sets, task-locally, the {@code iterationPlan} text and {@code scopeRows} table the form shows, the
 *     people who may attend, {@code attendeeOptions} (key users and business owners of the module's owning
 *     department, by name), and the list {@code demoAttendees} (their ids) as empty Json.</li>
 * <li>complete: requires {@code demoShown}, attendees (chosen in {@code demoAttendees}, each one of the offered
 *     people, and/or named in {@code demoOtherAttendees}) and {@code demoFeedback} ({@link BuildRules#demo});
 *     refuses with every problem, or stores them on the current iteration, the attendees by name.</li>
 * </ul>
 */
@Component("moduleDemo")
class ModuleDemo extends FormTaskListener {

    static final String ATTENDEES = "demoAttendees";

    private final BuildRepository builds;
    private final BuildProgress progress;
    private final BuildSummaries summaries;
    private final BuildOptions options;
    private final RoleMembers members;
    private final Names names;
    private final Messages messages;
    private final Clock clock;

    ModuleDemo(
            BuildRepository builds,
            BuildProgress progress,
            BuildSummaries summaries,
            BuildOptions options,
            RoleMembers members,
            Names names,
            Messages messages,
            Clock clock) {
        this.builds = builds;
        this.progress = progress;
        this.summaries = summaries;
        this.options = options;
        this.members = members;
        this.names = names;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String module = ProcessVariables.module(task);
        task.setVariableLocal("iterationPlan", summaries.plan(projectCode, module));
        task.setVariableLocal(BuildSummaries.SCOPE_ROWS, summaries.scopeRows(projectCode, module));
        String department = progress.department(projectCode, module);
        task.setVariableLocal("attendeeOptions", JsonRows.of(options.attendees(department)));
        TaskForms.prefill(task, ATTENDEES, JsonRows.ofStrings(List.of()));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String module = ProcessVariables.module(task);
        String department = progress.department(projectCode, module);
        DemoInput submitted = new DemoInput(
                TaskForms.text(task, "demoShown"),
                JsonRows.readStrings(TaskForms.submitted(task, ATTENDEES)),
                TaskForms.text(task, "demoOtherAttendees"),
                TaskForms.text(task, "demoFeedback"));
        Checked<Demo> result = BuildRules.demo(
                submitted,
                BuildOptions.values(options.attendees(department)),
                members::displayName,
                names.department(department));
        if (!result.valid()) {
            throw Problem.reject(messages, result.problems());
        }
        builds.recordDemo(
                projectCode,
                module,
                builds.lastIteration(projectCode, module),
                result.value(),
                TaskForms.currentUser(task),
                Instant.now(clock));
    }
}
