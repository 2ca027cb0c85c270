package io.rollout.golive;

import io.rollout.audit.DecisionLog;
import io.rollout.build.BuildStatus;
import io.rollout.migration.MigrationStatus;
import io.rollout.planning.RiskRegister;
import io.rollout.training.TrainingStatus;
import io.rollout.uat.UatStatus;
import org.springframework.stereotype.Component;

/**
 * Gathers the {@link ReadinessFacts} for {@code BusinessRuleTask_AssessReadiness}. The other phases are read only
 * through their typed read APIs, each the phase's own definition: {@link BuildStatus} (module acceptance),
 * {@link MigrationStatus} (data sign-off), {@link UatStatus} (gate and defects), {@link TrainingStatus} (completion
 * check) and planning's {@link RiskRegister} (open high risks), never through their tables or the wording of
 * their decision log entries. The specification sign-off is a decision of the log itself.
 */
@Component
class ReadinessSources {

    static final String SIGN_OFF = "requirementSignOff";

    private final DecisionLog decisions;
    private final BuildStatus build;
    private final MigrationStatus migration;
    private final UatStatus uat;
    private final TrainingStatus training;
    private final RiskRegister risks;

    ReadinessSources(
            DecisionLog decisions,
            BuildStatus build,
            MigrationStatus migration,
            UatStatus uat,
            TrainingStatus training,
            RiskRegister risks) {
        this.decisions = decisions;
        this.build = build;
        this.migration = migration;
        this.uat = uat;
        this.training = training;
        this.risks = risks;
    }

    ReadinessFacts gather(String projectCode) {
        return new ReadinessFacts(
                uat.lastGateOutcome(projectCode).orElse(null),
                training.lastCheckOutcome(projectCode).orElse(null),
                decisions
                        .latest(projectCode, SIGN_OFF)
                        .map(DecisionLog.Decision::outcome)
                        .orElse(null),
                build.modulesNotAccepted(projectCode),
                migration.datasetsNotSignedOff(projectCode),
                risks.openHigh(projectCode).stream()
                        .map(r -> r.title() + " (" + r.score() + ")")
                        .toList(),
                uat.unclosedDefects(projectCode, "critical"));
    }
}
