package io.rollout.planning;

import io.rollout.identity.ProjectPeople;
import io.rollout.planning.PlanRules.Plan;
import io.rollout.planning.PlanRules.Result;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_DrawUpPlan} in {@code planningPhase}.
 * <ul>
 * <li>create: prefills {@code milestones}, {@code risks} and {@code resources} (Json rows) from the stored
 *     plan, so a plan sent back by the steering committee is edited, not retyped. They are process
 *     variables, not task-local ones: {@code TaskService.complete} writes submitted values past the task,
 *     so a task-local copy would hide what was submitted.</li>
 * <li>complete: checks the whole submission with {@link PlanRules} and refuses it with every problem,
 *     or replaces the project's milestones, resources and risks (unchanged risks keep the steering
 *     committee's decision).</li>
 * </ul>
 */
@Component("projectPlanCapture")
class ProjectPlanCapture extends FormTaskListener {

    /** The options of the form's people pickers (owners, persons). */
    static final String PEOPLE_OPTIONS = "peopleOptions";

    private final PlanRepository plans;
    private final ProjectPeople people;
    private final Messages messages;

    ProjectPlanCapture(PlanRepository plans, ProjectPeople people, Messages messages) {
        this.plans = plans;
        this.people = people;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        task.setVariableLocal(PEOPLE_OPTIONS, people.options());
        plans.find(ProcessVariables.projectCode(task)).ifPresent(plan -> prefill(task, plan));
    }

    @Override
    protected void complete(DelegateTask task) {
        Result result = PlanRules.check(
                JsonRows.read(task.getVariable("milestones")),
                JsonRows.read(task.getVariable("risks")),
                JsonRows.read(task.getVariable("resources")),
                people::qualifies);
        if (!result.valid()) {
            throw Problem.reject(messages, result.problems());
        }
        plans.replace(ProcessVariables.projectCode(task), result.plan(), TaskForms.currentUser(task));
    }

    private static void prefill(DelegateTask task, Plan plan) {
        task.setVariable(
                "milestones",
                JsonRows.of(plan.milestones().stream()
                        .map(m -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("name", m.name());
                            row.put("owner", m.owner());
                            row.put("dueDate", m.dueDate().toString());
                            row.put("phase", m.phase());
                            return row;
                        })
                        .toList()));
        task.setVariable(
                "risks",
                JsonRows.of(plan.risks().stream()
                        .map(r -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("title", r.title());
                            row.put("probability", r.probability());
                            row.put("impact", r.impact());
                            row.put("owner", r.owner());
                            row.put("mitigation", r.mitigation());
                            return row;
                        })
                        .toList()));
        task.setVariable(
                "resources",
                JsonRows.of(plan.resources().stream()
                        .map(r -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("role", r.role());
                            row.put("person", r.person());
                            row.put("allocation", r.allocation());
                            row.put("from", r.from().toString());
                            row.put("to", r.to().toString());
                            return row;
                        })
                        .toList()));
    }
}
