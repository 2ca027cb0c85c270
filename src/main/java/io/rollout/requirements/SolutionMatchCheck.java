package io.rollout.requirements;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.shared.Messages;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Finds the unmatched must-haves after {@code UserTask_MatchSolutions} ({@code ServiceTask_CheckSolutionMatch}
 * in {@code requirementsPhase}) with {@link SolutionMatchRule}: writes {@code solutionsMatched} (Boolean, read by
 * {@code Gateway_MustHavesMatched}) and {@code matchFindings} (String, one line per finding, shown by
 * {@code UserTask_ClarifyRequirements}); records the outcome as {@code solutionMatchCheck}.
 */
@Component("solutionMatchCheck")
class SolutionMatchCheck implements JavaDelegate {

    static final String DECISION = "solutionMatchCheck";

    private final RequirementRepository requirements;
    private final DecisionLog decisions;
    private final Messages messages;

    SolutionMatchCheck(RequirementRepository requirements, DecisionLog decisions, Messages messages) {
        this.requirements = requirements;
        this.decisions = decisions;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = (String) execution.getVariable("projectCode");
        List<Requirement> rows = requirements.findByProject(code);
        List<String> findings = SolutionMatchRule.unmatchedMustHaves(rows).stream()
            .map(f -> messages.forRecord(f.code(), f.args())).toList();
        execution.setVariable("solutionsMatched", findings.isEmpty());
        execution.setVariable("matchFindings", String.join("\n", findings));
        decisions.record(new Decision(code, DECISION, "must-have requirements", findings.isEmpty() ? "passed" : "failed",
            findings, rows.stream().filter(r -> r.isMust() && !r.isWithdrawn()).count() + " must-haves of "
                + rows.size() + " requirements", DecisionLog.SYSTEM, execution.getProcessInstanceId()));
    }
}
