package io.rollout.golive;

import io.rollout.shared.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What a go / no-go decision ({@code UserTask_DecideGoLive} in {@code goLive}) must contain: a decision,
 * a cutover strategy for a go, and a written risk acceptance when the committee overrides unmet
 * readiness criteria or chooses a big-bang cutover (never without one, whatever the readiness).
 */
final class GoLiveDecisionRules {

    static final String GO = "go";
    static final String NO_GO = "no-go";
    static final String GO_WITH_RISK_ACCEPTANCE = "go-with-risk-acceptance";
    static final List<String> DECISIONS = List.of(GO, NO_GO);
    static final String BIG_BANG = "big-bang";
    static final List<String> STRATEGIES = List.of("dual-run", "waves", BIG_BANG);

    /** The outcome to record, or the problems that refuse the submission. */
    record Result(String outcome, List<Problem> problems) {
    }

    Result decide(String decision, String strategy, boolean readinessOk, String riskAcceptance) {
        List<Problem> problems = new ArrayList<>();
        if (decision == null) {
            problems.add(new Problem("form.field.required", "Decision"));
        } else if (!DECISIONS.contains(decision)) {
            problems.add(new Problem("form.field.choice", "Decision", String.join(", ", DECISIONS), decision));
        }
        boolean go = GO.equals(decision);
        if (strategy == null && go) {
            problems.add(new Problem("form.field.required", "Cutover strategy"));
        } else if (strategy != null && !STRATEGIES.contains(strategy)) {
            problems.add(new Problem("form.field.choice", "Cutover strategy", String.join(", ", STRATEGIES), strategy));
        }
        boolean accepted = riskAcceptance != null && !riskAcceptance.isBlank();
        if (go && !readinessOk && !accepted) {
            problems.add(new Problem("golive.decision.overrideNeedsRiskAcceptance"));
        }
        if (BIG_BANG.equals(strategy) && !accepted) {
            problems.add(new Problem("golive.decision.bigBangNeedsRiskAcceptance"));
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        if (!go) {
            return new Result(NO_GO, List.of());
        }
        return new Result(readinessOk && !BIG_BANG.equals(strategy) ? GO : GO_WITH_RISK_ACCEPTANCE, List.of());
    }
}
