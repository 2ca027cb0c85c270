package io.rollout.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.planning.RiskDecisionRules.Result;
import io.rollout.planning.RiskDecisionRules.RiskDecision;
import io.rollout.shared.Problem;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RiskDecisionRulesTests {

    static final Predicate<String> USERS = Set.of("zhangwei")::contains;

    static List<String> codes(Result result) {
        return result.problems().stream().map(Problem::code).toList();
    }

    @Test
    void acceptNeedsNothingMoreAndDropsMitigationFields() {
        Result result = RiskDecisionRules.check("accept", "ignored", "ghost", null, USERS);
        assertThat(result.decision()).isEqualTo(new RiskDecision("accept", null, null, null));
    }

    @Test
    void mitigateNeedsActionsAndAnOwnerWhoIsAUser() {
        assertThat(RiskDecisionRules.check("mitigate", "Backfill two clerks", "zhangwei", "ok", USERS)
                        .decision())
                .isEqualTo(new RiskDecision("mitigate", "Backfill two clerks", "zhangwei", "ok"));
        assertThat(codes(RiskDecisionRules.check("mitigate", null, null, null, USERS)))
                .containsExactly("planning.riskDecision.actionsRequired", "planning.riskDecision.ownerRequired");
        Result unknown = RiskDecisionRules.check("mitigate", "Backfill", "ghost", null, USERS);
        assertThat(codes(unknown)).containsExactly("planning.riskDecision.ownerUnknown");
        assertThat(unknown.decision()).isNull();
    }

    @Test
    void escalateNeedsANote() {
        assertThat(codes(RiskDecisionRules.check("escalate", null, null, null, USERS)))
                .containsExactly("planning.riskDecision.escalationNote");
        assertThat(RiskDecisionRules.check("escalate", null, null, "To the board: budget", USERS)
                        .valid())
                .isTrue();
    }

    @Test
    void refusesAMissingOrUnknownDecision() {
        assertThat(codes(RiskDecisionRules.check(null, null, null, null, USERS)))
                .containsExactly("form.field.required");
        assertThat(codes(RiskDecisionRules.check("ignore", null, null, null, USERS)))
                .containsExactly("form.field.choice");
    }
}
