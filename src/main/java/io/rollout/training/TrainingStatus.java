package io.rollout.training;

import io.rollout.audit.DecisionLog;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Read API of training: the outcome of the latest {@code trainingCompletionCheck} decision (go-live readiness)
 * ({@code BusinessRuleTask_AssessReadiness}) and today's coverage per role (KPI dashboard).
 */
@Component
@NamedInterface("readiness")
public class TrainingStatus {

    private final DecisionLog decisionLog;
    private final TrainingCoverage coverage;

    TrainingStatus(DecisionLog decisionLog, TrainingCoverage coverage) {
        this.decisionLog = decisionLog;
        this.coverage = coverage;
    }

    /** Coverage of one role: planned people and those trained with a passing assessment, as the check counts them. */
    @NamedInterface("readiness")
    public record RoleCoverage(String role, int trained, int planned) {}

    /** Training coverage per role of the roster today, counted by the rule of the training completion check. */
    public List<RoleCoverage> coverage(String projectCode) {
        return coverage.of(projectCode).roles().stream()
                .map(r -> new RoleCoverage(r.role(), r.trained(), r.planned()))
                .toList();
    }

    /** True when the latest training completion check of the project passed; false when it failed or never ran. */
    public boolean lastCheckPassed(String projectCode) {
        return lastCheckOutcome(projectCode).map("passed"::equals).orElse(false);
    }

    /**
     * The outcome of the latest training completion check of the project ({@code passed} or {@code failed}); empty
     * when it never ran.
     */
    public Optional<String> lastCheckOutcome(String projectCode) {
        return decisionLog.latest(projectCode, TrainingCompletionCheck.DECISION).map(DecisionLog.Decision::outcome);
    }

    /** The logins of roster people trained and passed in their curriculum (internal administrators, accounts). */
    public java.util.Set<String> trainedLogins(String projectCode) {
        return coverage.of(projectCode).trainees().stream()
                .filter(TrainingCompletionRule.TraineeStatus::trained)
                .map(s -> s.trainee().userId())
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
    }

    /**
     * How a person of the roster with a login stands in the curriculum of their role, counted by the rule of the
     * training completion check: trained and passed ({@code gap} null), or why not — {@code NO_CURRICULUM},
     * {@code NO_RECORD}, {@code ABSENT}, {@code NOT_ASSESSED} or {@code BELOW_PASS_MARK}. The hand-over to internal
     * IT says with it who may administer a module and why someone may not.
     */
    @NamedInterface("readiness")
    public record Standing(
            String userId, String name, String curriculum, Integer bestScore, Integer passMark, String gap) {

        public boolean trained() {
            return gap == null;
        }
    }

    /** The standing of every roster person with a login, by login. */
    public java.util.Map<String, Standing> standings(String projectCode) {
        java.util.Map<String, Standing> standings = new java.util.LinkedHashMap<>();
        coverage.of(projectCode).trainees().stream()
                .filter(s -> s.trainee().userId() != null)
                .forEach(s -> standings.put(
                        s.trainee().userId(),
                        new Standing(
                                s.trainee().userId(),
                                s.trainee().name(),
                                s.curriculum(),
                                s.bestScore(),
                                s.passMark(),
                                s.gap() == null ? null : s.gap().name())));
        return standings;
    }
}
