package io.rollout.planning;

import io.rollout.identity.ProjectPeople;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the steering committee must say when it decides on a high risk ({@code UserTask_DecideHighRisk} in
 * {@code planningPhase}): one of accept, mitigate or escalate; mitigating needs the mitigation actions and an
 * action owner who works on projects ({@link ProjectPeople}); escalating needs a note saying to whom and why. Plain rule: no engine, no
 * Spring.
 */
final class RiskDecisionRules {

    static final String ACCEPT = "accept";
    static final String MITIGATE = "mitigate";
    static final String ESCALATE = "escalate";
    static final List<String> DECISIONS = List.of(ACCEPT, MITIGATE, ESCALATE);

    /** A decision on one risk; actions and owner only for mitigate. */
    record RiskDecision(String decision, String mitigationActions, String actionOwner, String comment) {}

    /** The decision, or the problems that refuse it (then {@code decision} is {@code null}). */
    record Result(RiskDecision decision, List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    private RiskDecisionRules() {}

    static Result check(
            String decision,
            String mitigationActions,
            String actionOwner,
            String comment,
            Predicate<String> qualifies) {
        List<Problem> problems = new ArrayList<>();
        if (decision == null) {
            problems.add(new Problem("form.field.required", new Label("planning.field.riskDecision")));
        } else if (!DECISIONS.contains(decision)) {
            problems.add(new Problem(
                    "form.field.choice",
                    new Label("planning.field.riskDecision"),
                    String.join(", ", DECISIONS),
                    decision));
        } else if (MITIGATE.equals(decision)) {
            if (mitigationActions == null) {
                problems.add(new Problem("planning.riskDecision.actionsRequired"));
            }
            if (actionOwner == null) {
                problems.add(new Problem("planning.riskDecision.ownerRequired"));
            } else if (!qualifies.test(actionOwner)) {
                problems.add(new Problem("planning.riskDecision.ownerUnknown", actionOwner));
            }
        } else if (ESCALATE.equals(decision) && comment == null) {
            problems.add(new Problem("planning.riskDecision.escalationNote"));
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        boolean mitigate = MITIGATE.equals(decision);
        return new Result(
                new RiskDecision(decision, mitigate ? mitigationActions : null, mitigate ? actionOwner : null, comment),
                List.of());
    }
}
