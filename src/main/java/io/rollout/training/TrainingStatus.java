package io.rollout.training;

import io.rollout.audit.DecisionLog;
import org.springframework.stereotype.Component;

/**
 * The training outcome for the go-live readiness review, read from the latest
 * {@code trainingCompletionCheck} decision.
 */
@Component
public class TrainingStatus {

    private final DecisionLog decisionLog;

    TrainingStatus(DecisionLog decisionLog) {
        this.decisionLog = decisionLog;
    }

    /** True when the latest training completion check of the project passed; false when it failed or never ran. */
    public boolean lastCheckPassed(String projectCode) {
        return decisionLog.latest(projectCode, TrainingCompletionCheck.DECISION)
            .map(d -> "passed".equals(d.outcome())).orElse(false);
    }
}
