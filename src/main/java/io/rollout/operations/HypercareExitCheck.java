package io.rollout.operations;

import io.rollout.audit.DecisionLog.Decision;
import io.rollout.gate.GateDelegate;
import io.rollout.gate.GateOutcome;
import io.rollout.gate.GateRecorder;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_CheckHypercareExit} in {@code operationsPhase}: applies {@link HypercareExitRule} to the
 * project's open incidents and those reported in the last seven days ({@link IncidentRepository#hypercareExitInput});
 * writes {@code hypercareExitOk} and {@code hypercareFindings} and records decision {@code hypercareExit} with
 * outcome {@code exit} or {@code continue}.
 */
@Component("hypercareExitCheck")
class HypercareExitCheck extends GateDelegate<HypercareExitRule.Input, GateOutcome> {

    static final String DECISION = "hypercareExit";

    private final IncidentRepository repository;
    private final OperationsPolicy policy;

    HypercareExitCheck(IncidentRepository repository, OperationsPolicy policy, GateRecorder recorder) {
        super(recorder, DECISION, "hypercareExitOk", "hypercareFindings", new HypercareExitRule());
        this.repository = repository;
        this.policy = policy;
    }

    @Override
    protected HypercareExitRule.Input load(String projectCode, DelegateExecution execution) {
        return repository.hypercareExitInput(projectCode, policy.maxIncidentsPerWeek());
    }

    @Override
    protected List<Decision> decisions(Run<HypercareExitRule.Input, GateOutcome> run) {
        return List.of(decision(run, "hypercare", run.input().summary()));
    }

    // hypercare ends or goes on: the timeline has always named the outcome so
    @Override
    protected String outcomeName(boolean passed) {
        return passed ? "exit" : "continue";
    }
}
