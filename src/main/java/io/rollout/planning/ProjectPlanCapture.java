package io.rollout.planning;

import io.rollout.planning.PlanRules.Plan;
import io.rollout.planning.PlanRules.Result;
import io.rollout.shared.FormInput;
import io.rollout.shared.JsonRows;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.TaskForms;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_DrawUpPlan} in {@code planningPhase}.
 * <ul>
 * <li>create: prefills {@code milestones}, {@code risks} (Json rows), {@code scopeApproach} and
 *     {@code resourcePlan} from the stored plan, so a plan sent back by the steering committee is edited,
 *     not retyped. They are process variables, not task-local ones: {@code TaskService.complete} writes
 *     submitted values past the task, so a task-local copy would hide what was submitted.</li>
 * <li>complete: checks the whole submission with {@link PlanRules} and refuses it with every problem,
 *     or replaces the project's plan, milestones and risks.</li>
 * </ul>
 */
@Component("projectPlanCapture")
class ProjectPlanCapture implements TaskListener {

    private final PlanRepository plans;
    private final IdentityService identity;
    private final Messages messages;

    ProjectPlanCapture(PlanRepository plans, IdentityService identity, Messages messages) {
        this.plans = plans;
        this.identity = identity;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            plans.find(projectCode).ifPresent(plan -> prefill(task, plan));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Result result = PlanRules.check(JsonRows.read(task.getVariable("milestones")),
                JsonRows.read(task.getVariable("risks")), FormInput.text(task.getVariable("scopeApproach")),
                FormInput.text(task.getVariable("resourcePlan")), this::userExists);
            if (!result.valid()) {
                throw Problem.reject(messages, result.problems());
            }
            plans.replace(projectCode, result.plan(), TaskForms.currentUser(task));
        }
    }

    private void prefill(DelegateTask task, Plan plan) {
        task.setVariable("milestones", JsonRows.of(plan.milestones().stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", m.name());
            row.put("owner", m.owner());
            row.put("dueDate", m.dueDate().toString());
            row.put("phase", m.phase());
            return row;
        }).toList()));
        task.setVariable("risks", JsonRows.of(plan.risks().stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", r.title());
            row.put("probability", r.probability());
            row.put("impact", r.impact());
            row.put("owner", r.owner());
            row.put("mitigation", r.mitigation());
            return row;
        }).toList()));
        task.setVariable("scopeApproach", plan.scopeApproach());
        task.setVariable("resourcePlan", plan.resourcePlan());
    }

    private boolean userExists(String userId) {
        Callable<Boolean> query = () -> identity.createUserQuery().userId(userId).count() > 0;
        CommandContext context = Context.getCommandContext();
        try {
            // the pmo user may not be allowed to read other users; the check is ours, not theirs
            return context == null ? query.call() : context.runWithoutAuthorization(query);
        } catch (Exception e) {
            throw new IllegalStateException("cannot look up user " + userId, e);
        }
    }
}
