package io.rollout.planning;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.planning.PlanRules.Milestone;
import io.rollout.planning.PlanRules.Risk;
import io.rollout.shared.FormInput;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_ReviewPlan} in {@code planningPhase}.
 * <ul>
 * <li>create: sets the task-local {@code planSummary} (Markdown: scope, milestones by date, risks by score
 *     with high risks marked) that the reviewPlan form shows read-only.</li>
 * <li>complete: requires {@code planApproved} (yes/no) and a {@code steeringComment} when the plan is
 *     sent back, records the decision {@code steeringPlanReview} and writes {@code planApproved} back as a
 *     Boolean for {@code Gateway_PlanApproved}.</li>
 * </ul>
 */
@Component("planReview")
class PlanReview implements TaskListener {

    static final String DECISION = "steeringPlanReview";

    private final PlanRepository plans;
    private final DecisionLog decisions;
    private final Messages messages;

    PlanReview(PlanRepository plans, DecisionLog decisions, Messages messages) {
        this.plans = plans;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        String projectCode = (String) task.getVariable("projectCode");
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("planSummary", summary(projectCode));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task, projectCode);
        }
    }

    private void complete(DelegateTask task, String projectCode) {
        Boolean approved = FormInput.yesNo(task.getVariable("planApproved"));
        String comment = FormInput.text(task.getVariable("steeringComment"));
        List<Problem> problems = new ArrayList<>();
        if (approved == null) {
            problems.add(new Problem("form.field.required", new Label("planning.field.planApproved")));
        } else if (!approved && comment == null) {
            problems.add(new Problem("planning.review.commentRequired"));
        }
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        List<Milestone> milestones = plans.milestones(projectCode);
        List<Risk> risks = plans.risks(projectCode);
        String inputs = "milestones=" + milestones.size() + ", risks=" + risks.size() + ", highRisks="
            + risks.stream().filter(Risk::high).count() + ", scope="
            + plans.find(projectCode).map(PlanRules.Plan::scopeApproach).orElse("-");
        decisions.record(new Decision(projectCode, DECISION, "project plan", approved ? "approved" : "rejected",
            comment == null ? List.of() : List.of(comment), inputs, TaskForms.currentUser(task), task.getProcessInstanceId()));
        task.setVariable("planApproved", approved);
    }

    private String summary(String projectCode) {
        List<String> lines = new ArrayList<>();
        plans.find(projectCode).ifPresent(plan -> {
            lines.add(messages.forRecord("planning.summary.scope", plan.scopeApproach()));
            if (plan.resourcePlan() != null) {
                lines.add(messages.forRecord("planning.summary.resourcePlan", FormInput.md(plan.resourcePlan())));
            }
        });
        List<Milestone> milestones = plans.milestones(projectCode);
        lines.add(messages.forRecord("planning.summary.milestones", milestones.size()));
        for (Milestone m : milestones) {
            lines.add(messages.forRecord("planning.summary.milestone", m.dueDate().toString(), FormInput.md(m.name()),
                m.phase(), FormInput.md(m.owner())));
        }
        List<Risk> risks = plans.risks(projectCode);
        lines.add(messages.forRecord("planning.summary.risks", risks.size(), risks.stream().filter(Risk::high).count()));
        for (Risk r : risks) {
            lines.add(messages.forRecord(r.high() ? "planning.summary.riskHigh" : "planning.summary.risk", r.score(),
                FormInput.md(r.title()), r.probability(), r.impact(), FormInput.md(r.owner()),
                r.mitigation() == null ? "-" : FormInput.md(r.mitigation())));
        }
        return String.join("\n\n", lines);
    }
}
