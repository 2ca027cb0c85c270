package io.rollout.training;

import io.rollout.audit.DecisionLog;
import io.rollout.audit.DecisionLog.Decision;
import io.rollout.project.Project;
import io.rollout.project.ProjectScope;
import io.rollout.shared.Findings;
import io.rollout.shared.Messages;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The training completion check, {@code ServiceTask_TrainingCompletionCheck} in {@code trainingPhase}:
 * applies {@link TrainingCompletionRule} to the roster, curricula and attendance with the project's training
 * target ({@link TrainingCoverage}). Reads {@code projectCode}; writes {@code trainingPassed} and
 * {@code trainingFindings} (shown by the next task's form) and records the outcome as decision
 * {@code trainingCompletionCheck} in the {@link DecisionLog}.
 */
@Component("trainingCompletionCheck")
class TrainingCompletionCheck implements JavaDelegate {

    static final String DECISION = "trainingCompletionCheck";

    private final TrainingCoverage coverage;
    private final ProjectScope projectScope;
    private final DecisionLog decisionLog;
    private final Messages messages;

    TrainingCompletionCheck(TrainingCoverage coverage, ProjectScope projectScope, DecisionLog decisionLog,
                            Messages messages) {
        this.coverage = coverage;
        this.projectScope = projectScope;
        this.decisionLog = decisionLog;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String projectCode = (String) execution.getVariable("projectCode");
        Project project = projectScope.project(projectCode);
        TrainingCompletionRule.Outcome outcome = coverage.of(projectCode);
        List<String> findings = outcome.findings().stream().map(f -> messages.forRecord(f.code(), f.args())).toList();
        execution.setVariable("trainingPassed", outcome.passed());
        execution.setVariable("trainingFindings", Findings.asText(findings));
        String inputs = messages.forRecord("training.check.inputs", project.trainingTarget(),
            outcome.roles().stream().map(r -> messages.forRecord("training.check.inputs.role", r.role(), r.trained(),
                r.planned())).collect(Collectors.joining("; ")));
        decisionLog.record(new Decision(projectCode, DECISION, messages.forRecord("training.check.subject"),
            outcome.passed() ? "passed" : "failed", findings, inputs, DecisionLog.SYSTEM,
            execution.getProcessInstanceId()));
    }
}
