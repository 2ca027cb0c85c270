package io.rollout.planning;

import io.rollout.shared.ForModels;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The high risks (score of {@value PlanRules#HIGH_RISK} or more) of a project's risk register that still
 * wait for the steering committee's decision, for {@code planningPhase}:
 * {@code Gateway_HighRisksToDecide} asks {@code ${highRisks.anyUndecided(projectCode)}} and the
 * multi-instance {@code UserTask_DecideHighRisk} runs once per {@code ${highRisks.undecided(projectCode)}}
 * (element variable {@code riskId}), named with {@code ${highRisks.title(riskId)}}. Public because the
 * engine's expression language calls it.
 */
@ForModels
@Component("highRisks")
public class HighRisks {

    private final PlanRepository plans;

    HighRisks(PlanRepository plans) {
        this.plans = plans;
    }

    /** Ids (as text) of the high risks without a decision, highest score first. */
    public List<String> undecided(String projectCode) {
        return plans.riskEntries(projectCode).stream()
                .filter(PlanRepository.RiskEntry::undecidedHigh)
                .map(e -> String.valueOf(e.id()))
                .toList();
    }

    /** Whether any high risk still waits for the steering committee. */
    public boolean anyUndecided(String projectCode) {
        return !undecided(projectCode).isEmpty();
    }

    /** The title of a risk, for task names. */
    public String title(String riskId) {
        return plans.risk(Long.parseLong(riskId))
                .orElseThrow(() -> new IllegalStateException("no risk " + riskId))
                .risk()
                .title();
    }
}
