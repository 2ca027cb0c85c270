package io.rollout.planning;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.planning.PlanRepository.RiskEntry;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of {@code UserTask_ReviewPlan} in {@code planningPhase}.
 * <ul>
 * <li>create: sets what the reviewPlan form shows read-only ({@link PlanSummary}), task-local: the rows of its
 *     tables {@code planMilestones}, {@code planResources}, {@code planRisks} (with the decisions on high risks),
 *     {@code planRanking} (empty unless bought) and {@code planIntegration}, and {@code planSummary}, the scope and
 *     system selection in a few lines of Markdown.</li>
 * <li>complete: requires {@code planApproved} (yes/no) and a {@code steeringComment} when the plan is sent back
 *     ({@link PlanRules#review}), records the decision {@code steeringPlanReview} and writes {@code planApproved} back
 *     as a Boolean for {@code Gateway_PlanApproved}.</li>
 * </ul>
 */
@Component("planReview")
class PlanReview extends FormTaskListener {

    static final String DECISION = "steeringPlanReview";

    private final PlanRepository plans;
    private final ScopeRepository scopes;
    private final SelectionRepository selections;
    private final PlanSummary summary;
    private final DecisionLog decisions;
    private final Messages messages;

    PlanReview(
            PlanRepository plans,
            ScopeRepository scopes,
            SelectionRepository selections,
            PlanSummary summary,
            DecisionLog decisions,
            Messages messages) {
        this.plans = plans;
        this.scopes = scopes;
        this.selections = selections;
        this.summary = summary;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        task.setVariableLocal("planSummary", summary.decisions(projectCode));
        task.setVariableLocal("planMilestones", summary.milestones(projectCode));
        task.setVariableLocal("planResources", summary.resources(projectCode));
        task.setVariableLocal("planRisks", summary.risks(projectCode));
        task.setVariableLocal("planRanking", summary.ranking(projectCode));
        task.setVariableLocal("planIntegration", summary.integration(projectCode));
    }

    @Override
    protected void complete(DelegateTask task) {
        String projectCode = ProcessVariables.projectCode(task);
        Boolean approved = FormInput.yesNo(task.getVariable("planApproved"));
        String comment = FormInput.text(task.getVariable("steeringComment"));
        List<Problem> problems = PlanRules.review(approved, comment);
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        decisions.record(new Decision(
                projectCode,
                DECISION,
                "project plan",
                approved ? "approved" : "rejected",
                comment == null ? List.of() : List.of(comment),
                inputs(projectCode),
                TaskForms.currentUser(task),
                task.getProcessInstanceId()));
        task.setVariable("planApproved", approved);
    }

    /** What the steering committee decided on, in one line of the decision log. */
    private String inputs(String projectCode) {
        List<RiskEntry> risks = plans.riskEntries(projectCode);
        return "milestones=" + plans.milestones(projectCode).size() + ", resources="
                + plans.resources(projectCode).size() + ", risks=" + risks.size() + ", highRisks="
                + risks.stream().filter(e -> e.risk().high()).count() + ", scope="
                + scopes.find(projectCode)
                        .map(s -> s.confirmed() == null ? "-" : s.confirmed().approach())
                        .orElse("-")
                + ", selection="
                + selections
                        .find(projectCode)
                        .map(s -> s.approach() + (s.chosenVendor() == null ? "" : " " + s.chosenVendor()))
                        .orElse("-");
    }
}
