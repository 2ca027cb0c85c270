package io.rollout.golive;

import io.rollout.shared.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What the steering committee's go / no-go ({@code UserTask_DecideGoLive} in {@code goLive}) must contain,
 * given the readiness recommendation ({@link ReadinessVerdict}): a decision; a cutover strategy for a go;
 * for a go on a conditional-go recommendation the conditions the go depends on; for a go against a no-go
 * recommendation (an override) a written risk acceptance; for a no-go against a go or conditional-go
 * recommendation (an override too) the reason; and a risk acceptance for every big-bang cutover.
 */
final class GoLiveDecisionRules {

    static final String GO = "go";
    static final String NO_GO = "no-go";
    static final String CONDITIONAL_GO = "conditional-go";
    static final String GO_WITH_RISK_ACCEPTANCE = "go-with-risk-acceptance";
    static final List<String> DECISIONS = List.of(GO, NO_GO);
    static final String BIG_BANG = "big-bang";
    static final List<String> STRATEGIES = List.of("dual-run", "waves", BIG_BANG);

    /** What the committee submitted, next to the recommendation it decides on. */
    record Submission(
            String recommendation,
            String decision,
            String strategy,
            String conditions,
            String riskAcceptance,
            String reason) {}

    /**
     * The outcome to record ({@code go}, {@code conditional-go}, {@code go-with-risk-acceptance} or
     * {@code no-go}), whether it overrides the recommendation, or the problems that refuse the submission.
     */
    record Result(String outcome, boolean overridden, List<Problem> problems) {}

    Result decide(Submission s) {
        List<Problem> problems = new ArrayList<>();
        if (s.decision() == null) {
            problems.add(new Problem("form.field.required", "Decision"));
        } else if (!DECISIONS.contains(s.decision())) {
            problems.add(new Problem("form.field.choice", "Decision", String.join(", ", DECISIONS), s.decision()));
        }
        boolean go = GO.equals(s.decision());
        if (s.strategy() == null && go) {
            problems.add(new Problem("form.field.required", "Cutover strategy"));
        } else if (s.strategy() != null && !STRATEGIES.contains(s.strategy())) {
            problems.add(
                    new Problem("form.field.choice", "Cutover strategy", String.join(", ", STRATEGIES), s.strategy()));
        }
        boolean accepted = filled(s.riskAcceptance());
        boolean againstNoGo = go && ReadinessVerdict.NO_GO.equals(s.recommendation());
        boolean againstGo = NO_GO.equals(s.decision()) && !ReadinessVerdict.NO_GO.equals(s.recommendation());
        if (againstNoGo && !accepted) {
            problems.add(new Problem("golive.decision.overrideNeedsRiskAcceptance"));
        }
        if (go && ReadinessVerdict.CONDITIONAL_GO.equals(s.recommendation()) && !filled(s.conditions())) {
            problems.add(new Problem("golive.decision.conditionalGoNeedsConditions"));
        }
        if (againstGo && !filled(s.reason())) {
            problems.add(new Problem("golive.decision.noGoOverrideNeedsReason", s.recommendation()));
        }
        if (BIG_BANG.equals(s.strategy()) && go && !accepted) {
            problems.add(new Problem("golive.decision.bigBangNeedsRiskAcceptance"));
        }
        if (!problems.isEmpty()) {
            return new Result(null, false, problems);
        }
        if (!go) {
            return new Result(NO_GO, againstGo, List.of());
        }
        if (againstNoGo || BIG_BANG.equals(s.strategy())) {
            return new Result(GO_WITH_RISK_ACCEPTANCE, againstNoGo, List.of());
        }
        return new Result(
                ReadinessVerdict.CONDITIONAL_GO.equals(s.recommendation()) ? CONDITIONAL_GO : GO, false, List.of());
    }

    private static boolean filled(String text) {
        return text != null && !text.isBlank();
    }
}
