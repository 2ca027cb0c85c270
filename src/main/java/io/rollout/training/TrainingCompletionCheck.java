package io.rollout.training;

import io.rollout.audit.DecisionLog.Decision;
import io.rollout.gate.GateDelegate;
import io.rollout.gate.GateRecorder;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The training completion check, {@code ServiceTask_TrainingCompletionCheck} in {@code trainingPhase}:
 * applies {@link TrainingCompletionRule} to the roster, curricula and attendance with the project's training
 * target ({@link TrainingCoverage#input}). Reads {@code projectCode}; writes {@code trainingPassed} and
 * {@code trainingFindings} (shown by the next task's form) and records the outcome as decision
 * {@code trainingCompletionCheck} in the decision log.
 */
@Component("trainingCompletionCheck")
class TrainingCompletionCheck extends GateDelegate<TrainingCompletionRule.Input, TrainingCompletionRule.Outcome> {

    static final String DECISION = "trainingCompletionCheck";

    private final TrainingCoverage coverage;

    TrainingCompletionCheck(TrainingCoverage coverage, GateRecorder recorder) {
        super(recorder, DECISION, "trainingPassed", "trainingFindings", TrainingCoverage.RULE);
        this.coverage = coverage;
    }

    @Override
    protected TrainingCompletionRule.Input load(String projectCode, DelegateExecution execution) {
        return coverage.input(projectCode);
    }

    @Override
    protected List<Decision> decisions(Run<TrainingCompletionRule.Input, TrainingCompletionRule.Outcome> run) {
        String roles = run.outcome().roles().stream()
                .map(r -> text("training.check.inputs.role", r.role(), r.trained(), r.planned()))
                .collect(Collectors.joining("; "));
        return List.of(decision(
                run,
                text("training.check.subject"),
                text("training.check.inputs", run.input().target(), roles)));
    }
}
