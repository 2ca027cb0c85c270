package io.rollout.training;

import io.rollout.audit.DecisionLog;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Read API of training: the outcome of the latest {@code trainingCompletionCheck} decision (go-live readiness)
 * and today's coverage per role (KPI dashboard).
 */
@Component
public class TrainingStatus {

    private final DecisionLog decisionLog;
    private final TrainingCoverage coverage;

    TrainingStatus(DecisionLog decisionLog, TrainingCoverage coverage) {
        this.decisionLog = decisionLog;
        this.coverage = coverage;
    }

    /** Coverage of one role: planned people and those trained with a passing assessment, as the check counts them. */
    public record RoleCoverage(String role, int trained, int planned) {
    }

    /** Training coverage per role of the roster today, counted by the rule of the training completion check. */
    public List<RoleCoverage> coverage(String projectCode) {
        return coverage.of(projectCode).roles().stream().map(r -> new RoleCoverage(r.role(), r.trained(), r.planned())).toList();
    }

    /** True when the latest training completion check of the project passed; false when it failed or never ran. */
    public boolean lastCheckPassed(String projectCode) {
        return decisionLog.latest(projectCode, TrainingCompletionCheck.DECISION)
            .map(d -> "passed".equals(d.outcome())).orElse(false);
    }

    /** The logins of roster people trained and passed in their curriculum (internal administrators, accounts). */
    public java.util.Set<String> trainedLogins(String projectCode) {
        return coverage.of(projectCode).trainees().stream().filter(TrainingCompletionRule.TraineeStatus::trained)
            .map(s -> s.trainee().userId()).filter(java.util.Objects::nonNull)
            .collect(java.util.stream.Collectors.toSet());
    }
}
