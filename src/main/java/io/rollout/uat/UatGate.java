package io.rollout.uat;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.project.ProjectScope;
import io.rollout.shared.Findings;
import io.rollout.shared.Messages;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The UAT gate, {@code ServiceTask_UatGate} in {@code userAcceptanceTest}: applies {@link UatGateRule}
 * to the project's test cases, latest results and defects. Reads {@code projectCode} and
 * {@code uatRound}; writes {@code uatPassed} and {@code uatFindings} (one line per finding, shown by
 * the next task's form) and records the outcome as decision {@code uatGate} in the {@link DecisionLog}.
 */
@Component("uatGate")
class UatGate implements JavaDelegate {

    static final String DECISION = "uatGate";

    private final UatRepository repository;
    private final ProjectScope projectScope;
    private final DecisionLog decisionLog;
    private final Messages messages;
    private final UatGateRule rule = new UatGateRule();

    UatGate(UatRepository repository, ProjectScope projectScope, DecisionLog decisionLog, Messages messages) {
        this.repository = repository;
        this.projectScope = projectScope;
        this.decisionLog = decisionLog;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String projectCode = (String) execution.getVariable("projectCode");
        UatGateRule.Input input = repository.gateInput(projectCode, projectScope.project(projectCode).uatPassTarget());
        UatGateRule.Outcome outcome = rule.decide(input);
        List<String> findings = outcome.findings().stream().map(f -> messages.forRecord(f.code(), f.args())).toList();
        execution.setVariable("uatPassed", outcome.passed());
        execution.setVariable("uatFindings", Findings.asText(findings));
        String inputs = messages.forRecord("uat.gate.inputs", outcome.passedCases(), outcome.totalCases(),
            input.passTarget(), input.mustRequirements().size(), input.defects().size());
        decisionLog.record(new Decision(projectCode, DECISION,
            messages.forRecord("uat.gate.subject", String.valueOf(execution.getVariable("uatRound"))),
            outcome.passed() ? "passed" : "failed", findings, inputs, DecisionLog.SYSTEM,
            execution.getProcessInstanceId()));
    }
}
