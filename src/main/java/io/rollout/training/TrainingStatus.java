package io.rollout.training;

import io.rollout.audit.DecisionLog;
import io.rollout.project.Project;
import io.rollout.project.ProjectScope;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Read API of training: the outcome of the latest {@code trainingCompletionCheck} decision (go-live readiness)
 * and today's coverage per role (KPI dashboard).
 */
@Component
public class TrainingStatus {

    private final DecisionLog decisionLog;
    private final TrainingRepository repository;
    private final ProjectScope projectScope;
    private final TrainingCompletionRule rule = new TrainingCompletionRule();

    TrainingStatus(DecisionLog decisionLog, TrainingRepository repository, ProjectScope projectScope) {
        this.decisionLog = decisionLog;
        this.repository = repository;
        this.projectScope = projectScope;
    }

    /** Coverage of one role: planned people and those trained with a passing assessment, as the check counts them. */
    public record RoleCoverage(String role, int trained, int planned) {
    }

    /** Training coverage per role of the roster today, counted by the rule of the training completion check. */
    public List<RoleCoverage> coverage(String projectCode) {
        Project project = projectScope.project(projectCode);
        return rule.decide(repository.checkInput(projectCode, project.trainingTarget(), project.trainingPassMark()))
            .roles().stream().map(r -> new RoleCoverage(r.role(), r.trained(), r.planned())).toList();
    }

    /** True when the latest training completion check of the project passed; false when it failed or never ran. */
    public boolean lastCheckPassed(String projectCode) {
        return decisionLog.latest(projectCode, TrainingCompletionCheck.DECISION)
            .map(d -> "passed".equals(d.outcome())).orElse(false);
    }
}
