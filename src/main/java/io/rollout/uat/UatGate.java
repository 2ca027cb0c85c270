package io.rollout.uat;

import io.rollout.audit.DecisionLog.Decision;
import io.rollout.gate.GateDelegate;
import io.rollout.gate.GateRecorder;
import io.rollout.project.ProjectScope;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The UAT gate, {@code ServiceTask_UatGate} in {@code userAcceptanceTest}: applies {@link UatGateRule}
 * to the project's test cases, latest results and defects ({@link UatRepository#gateInput}). Reads
 * {@code projectCode} and {@code uatRound}; writes {@code uatPassed} and {@code uatFindings} (one line per finding,
 * shown by the next task's form) and records the outcome as decision {@code uatGate} in the decision log.
 */
@Component("uatGate")
class UatGate extends GateDelegate<UatGateRule.Input, UatGateRule.Outcome> {

    static final String DECISION = "uatGate";

    private final UatRepository repository;
    private final ProjectScope projectScope;

    UatGate(UatRepository repository, ProjectScope projectScope, GateRecorder recorder) {
        super(recorder, DECISION, "uatPassed", "uatFindings", new UatGateRule());
        this.repository = repository;
        this.projectScope = projectScope;
    }

    @Override
    protected UatGateRule.Input load(String projectCode, DelegateExecution execution) {
        return repository.gateInput(
                projectCode, projectScope.project(projectCode).uatPassTarget());
    }

    @Override
    protected List<Decision> decisions(Run<UatGateRule.Input, UatGateRule.Outcome> run) {
        UatGateRule.Input input = run.input();
        UatGateRule.Outcome outcome = run.outcome();
        String inputs = text(
                "uat.gate.inputs",
                outcome.passedCases(),
                outcome.totalCases(),
                input.passTarget(),
                input.mustRequirements().size(),
                input.defects().size());
        String subject = text("uat.gate.subject", String.valueOf(run.execution().getVariable("uatRound")));
        return List.of(decision(run, subject, inputs));
    }
}
