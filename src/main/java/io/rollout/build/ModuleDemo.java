package io.rollout.build;

import io.rollout.build.BuildRules.Demo;
import io.rollout.build.BuildRules.Result;
import io.rollout.identity.RoleMembers;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Names;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
class ModuleDemo implements TaskListener {

    static final String ATTENDEES = "demoAttendees";

    private final BuildRepository builds;
    private final BuildProgress progress;
    private final BuildSummaries summaries;
    private final BuildOptions options;
    private final RoleMembers members;
    private final Names names;
    private final Messages messages;
    private final Clock clock;

    ModuleDemo(BuildRepository builds, BuildProgress progress, BuildSummaries summaries, BuildOptions options,
               RoleMembers members, Names names, Messages messages, Clock clock) {
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
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        String module = (String) task.getVariable("module");
        List<Map<String, Object>> attendees = options.attendees(progress.department(projectCode, module));
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("iterationPlan", summaries.plan(projectCode, module));
            task.setVariableLocal(BuildSummaries.SCOPE_ROWS, summaries.scopeRows(projectCode, module));
            task.setVariableLocal("attendeeOptions", JsonRows.of(attendees));
            TaskForms.prefill(task, ATTENDEES, JsonRows.ofStrings(List.of()));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            List<String> chosen = JsonRows.readStrings(TaskForms.submitted(task, ATTENDEES));
            Set<String> allowed = BuildOptions.values(attendees);
            List<Problem> problems = new ArrayList<>();
            List<String> present = new ArrayList<>();
            for (String id : chosen) {
                if (allowed.contains(id)) {
                    present.add(members.displayName(id));
                } else {
                    problems.add(new Problem("build.demo.notAttendee", id,
                        names.department(progress.department(projectCode, module))));
                }
            }
            String others = TaskForms.text(task, "demoOtherAttendees");
            if (others != null) {
                present.add(others);
            }
            Result<Demo> result = BuildRules.demo(TaskForms.text(task, "demoShown"),
                present.isEmpty() ? null : String.join(", ", present), TaskForms.text(task, "demoFeedback"));
            problems.addAll(result.problems());
            if (!problems.isEmpty()) {
                throw Problem.reject(messages, problems);
            }
            builds.recordDemo(projectCode, module, builds.lastIteration(projectCode, module), result.value(),
                TaskForms.currentUser(task), Instant.now(clock));
        }
    }
}
