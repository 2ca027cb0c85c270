package io.rollout.build;

import io.rollout.build.IterationPlanRules.Context;
import io.rollout.build.IterationPlanRules.Input;
import io.rollout.build.IterationPlanRules.IterationPlan;
import io.rollout.identity.DepartmentOwners;
import io.rollout.shared.Checked;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_PlanIteration} in {@code SubProcess_ModuleBuild} of {@code buildPhase}.
 * <ul>
 * <li>create: prefills {@code moduleDepartment} (the module's owning department) and, task-locally, the
 *     choices {@code scopeOptions} (the project's requirements, that department's first) and
 *     {@code departmentOptions} (by name), {@code iterationNumber}, {@code rejectionReasons} when the last
 *     iteration was not accepted, and the checklist {@code scope} as Json: empty in the first iteration, the
 *     rejected iteration's requirements in the next.</li>
 * <li>complete: checks {@code iterationGoal}, {@code moduleDepartment}, {@code scope} (requirement ids),
 *     {@code plannedStart}, {@code plannedEnd} and {@code customisationsPlanned} with
 *     {@link IterationPlanRules}; refuses with every problem, or starts the next iteration with its scope,
 *     stores the owning department, sets {@code iteration} and {@code customisationsPlanned} (Boolean, for
 *     {@code Gateway_CustomisationsPlanned}) and clears the form values of the previous iteration.</li>
 * </ul>
 */
@Component("iterationPlanning")
class IterationPlanning extends FormTaskListener {

    static final String SCOPE = "scope";

    // single form values that belong to one iteration: the next iteration starts without them (the lists are
    // task-local and prefilled by each task)
    static final List<String> ITERATION_VALUES =
            List.of("demoShown", "demoOtherAttendees", "demoFeedback", "moduleAccepted", "acceptanceComment");

    private final BuildRepository builds;
    private final BuildProgress progress;
    private final BuildSummaries summaries;
    private final BuildOptions options;
    private final DepartmentOwners owners;
    private final Messages messages;
    private final Clock clock;
    private final List<String> departments;

    IterationPlanning(
            BuildRepository builds,
            BuildProgress progress,
            BuildSummaries summaries,
            BuildOptions options,
            DepartmentOwners owners,
            Messages messages,
            Clock clock,
            @Value("${rollout.departments}") List<String> departments) {
        this.builds = builds;
        this.progress = progress;
        this.summaries = summaries;
        this.options = options;
        this.owners = owners;
        this.messages = messages;
        this.clock = clock;
        this.departments = departments;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String module = ProcessVariables.module(task);
        int last = builds.lastIteration(projectCode, module);
        String department = progress.department(projectCode, module);
        task.setVariable("moduleDepartment", department);
        task.setVariableLocal("iterationNumber", last + 1);
        task.setVariableLocal("departmentOptions", options.departments());
        // the owning department's requirements first; the others stay choosable for when the plan names
        // another owning department (the rule then refuses requirements of any other department)
        task.setVariableLocal(
                "scopeOptions", options.requirements(projectCode, r -> department.equals(r.department())));
        task.setVariableLocal("rejectionReasons", summaries.rejection(projectCode, module));
        // what the rejected iteration delivered is where the next one starts
        TaskForms.prefill(
                task,
                SCOPE,
                JsonRows.ofStrings(builds.iteration(projectCode, module, last)
                        .map(BuildRepository.Iteration::scope)
                        .orElse(List.of())));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        String module = ProcessVariables.module(task);
        int last = builds.lastIteration(projectCode, module);
        Map<String, String> requirementDepartments = new LinkedHashMap<>();
        builds.requirements(projectCode).values().forEach(r -> requirementDepartments.put(r.id(), r.department()));
        Checked<IterationPlan> result = IterationPlanRules.plan(
                new Input(
                        TaskForms.text(task, "iterationGoal"),
                        TaskForms.text(task, "moduleDepartment"),
                        JsonRows.readStrings(TaskForms.submitted(task, SCOPE)),
                        TaskForms.text(task, "plannedStart"),
                        TaskForms.text(task, "plannedEnd"),
                        FormInput.yesNo(task.getVariable("customisationsPlanned"))),
                new Context(
                        requirementDepartments, departments, d -> !owners.of(d).isEmpty()));
        if (!result.valid()) {
            throw Problem.reject(messages, result.problems());
        }
        IterationPlan plan = result.value();
        builds.startIteration(projectCode, module, last + 1, plan, TaskForms.currentUser(task), Instant.now(clock));
        builds.setOwningDepartment(projectCode, module, plan.department());
        ITERATION_VALUES.forEach(name -> task.setVariable(name, null));
        task.setVariable("iteration", last + 1);
        task.setVariable("customisationsPlanned", plan.customisationsPlanned());
    }
}
