package io.rollout.planning;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.identity.ProjectPeople;
import io.rollout.planning.PlanRepository.RiskEntry;
import io.rollout.planning.RiskDecisionRules.Result;
import io.rollout.planning.RiskDecisionRules.RiskDecision;
import io.rollout.shared.FormTaskListener;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import io.rollout.shared.ProcessVariables;
import io.rollout.shared.TaskForms;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task listener of the multi-instance {@code UserTask_DecideHighRisk} in {@code planningPhase} (one task per
 * undecided high risk, element variable {@code riskId}).
 * <ul>
 * <li>create: sets the task-local {@code riskDetails} (Markdown: score, probability, impact, owner, planned
 *     mitigation) that the decideHighRisk form shows, and {@code actionOwnerOptions}, the people who may own the
 *     mitigation actions ({@link ProjectPeople}).</li>
 * <li>complete: checks {@code riskDecision}, {@code mitigationActions}, {@code actionOwner} and
 *     {@code riskDecisionComment} with {@link RiskDecisionRules} (refused with every problem; the action owner
 *     must be one of the people offered), stores the
 *     decision on the risk row and records {@code highRiskDecision} in the decision log.</li>
 * </ul>
 */
@Component("highRiskDecision")
class HighRiskDecision extends FormTaskListener {

    static final String DECISION = "highRiskDecision";

    private final PlanRepository plans;
    private final ProjectPeople people;
    private final PlanSummary summary;
    private final DecisionLog decisions;
    private final Messages messages;

    HighRiskDecision(
            PlanRepository plans, ProjectPeople people, PlanSummary summary, DecisionLog decisions, Messages messages) {
        this.plans = plans;
        this.people = people;
        this.summary = summary;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    protected void prefill(DelegateTask task) {
        task.setVariableLocal("riskDetails", summary.riskDetails(entry(riskId(task))));
        task.setVariableLocal("actionOwnerOptions", people.options());
    }

    @Override
    protected void complete(DelegateTask task) {
        long riskId = riskId(task);
        RiskEntry entry = entry(riskId);
        Result result = RiskDecisionRules.check(
                TaskForms.text(task, "riskDecision"),
                TaskForms.text(task, "mitigationActions"),
                TaskForms.text(task, "actionOwner"),
                TaskForms.text(task, "riskDecisionComment"),
                people::qualifies);
        if (!result.valid()) {
            throw Problem.reject(messages, result.problems());
        }
        RiskDecision d = result.decision();
        String user = TaskForms.currentUser(task);
        plans.decide(riskId, d, user);
        List<String> findings = new ArrayList<>();
        if (d.mitigationActions() != null) {
            findings.add(
                    messages.forRecord("planning.riskDecision.logActions", d.mitigationActions(), d.actionOwner()));
        }
        if (d.comment() != null) {
            findings.add(d.comment());
        }
        decisions.record(new Decision(
                plans.projectOf(riskId),
                DECISION,
                PlanSummary.subject("risk", entry.risk().title()),
                d.decision(),
                findings,
                "score=" + entry.risk().score() + " (probability "
                        + entry.risk().probability() + " x impact "
                        + entry.risk().impact() + "), owner=" + entry.risk().owner(),
                user,
                task.getProcessInstanceId()));
    }

    /** The element variable of the multi-instance: the risk's id, as text. */
    private static long riskId(DelegateTask task) {
        return Long.parseLong(ProcessVariables.string(task, "riskId"));
    }

    private RiskEntry entry(long riskId) {
        return plans.risk(riskId).orElseThrow(() -> new IllegalStateException("no risk " + riskId));
    }
}
