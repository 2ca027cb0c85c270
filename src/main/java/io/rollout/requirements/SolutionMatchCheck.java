package io.rollout.requirements;

import io.rollout.audit.DecisionLog.Decision;
import io.rollout.gate.GateDelegate;
import io.rollout.gate.GateOutcome;
import io.rollout.gate.GateRecorder;
import io.rollout.shared.Findings;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Finds the unmatched must-haves after {@code UserTask_MatchSolutions} ({@code ServiceTask_CheckSolutionMatch}
 * in {@code requirementsPhase}) with {@link SolutionMatchRule}: writes {@code solutionsMatched} (Boolean, read by
 * {@code Gateway_MustHavesMatched}) and {@code matchFindings} (String, one line per finding, shown by
 * {@code UserTask_ClarifyRequirements}); records the outcome as {@code solutionMatchCheck}.
 */
@Component("solutionMatchCheck")
class SolutionMatchCheck extends GateDelegate<SolutionMatchRule.Input, GateOutcome> {

    static final String DECISION = "solutionMatchCheck";

    private final RequirementRepository requirements;

    SolutionMatchCheck(RequirementRepository requirements, GateRecorder recorder) {
        super(recorder, DECISION, "solutionsMatched", "matchFindings", new SolutionMatchRule());
        this.requirements = requirements;
    }

    @Override
    protected SolutionMatchRule.Input load(String projectCode, DelegateExecution execution) {
        return new SolutionMatchRule.Input(requirements.findByProject(projectCode));
    }

    @Override
    protected List<Decision> decisions(Run<SolutionMatchRule.Input, GateOutcome> run) {
        return List.of(decision(run, "must-have requirements", run.input().summary()));
    }

    // the form shows these lines under a heading of their own
    @Override
    protected String findingsText(List<String> findings) {
        return Findings.asLines(findings);
    }
}
