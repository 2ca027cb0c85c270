package io.rollout.golive;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.Problem;
import org.junit.jupiter.api.Test;

class GoLiveDecisionRulesTests {

    final GoLiveDecisionRules rules = new GoLiveDecisionRules();

    @Test
    void goWhenReadyWithDualRun() {
        var result = rules.decide("go", "dual-run", true, null);

        assertThat(result.problems()).isEmpty();
        assertThat(result.outcome()).isEqualTo("go");
    }

    @Test
    void noGoNeedsNoStrategy() {
        var result = rules.decide("no-go", null, false, null);

        assertThat(result.problems()).isEmpty();
        assertThat(result.outcome()).isEqualTo("no-go");
    }

    @Test
    void overrideWithRiskAcceptanceIsGoWithRiskAcceptance() {
        var result = rules.decide("go", "waves", false, "We accept the open inventory findings");

        assertThat(result.outcome()).isEqualTo("go-with-risk-acceptance");
    }

    @Test
    void overrideWithoutRiskAcceptanceIsRefused() {
        var result = rules.decide("go", "waves", false, "  ");

        assertThat(result.outcome()).isNull();
        assertThat(result.problems()).extracting(Problem::code)
            .containsExactly("golive.decision.overrideNeedsRiskAcceptance");
    }

    @Test
    void bigBangWithoutRiskAcceptanceIsRefusedEvenWhenReady() {
        var result = rules.decide("go", "big-bang", true, null);

        assertThat(result.problems()).extracting(Problem::code)
            .containsExactly("golive.decision.bigBangNeedsRiskAcceptance");
    }

    @Test
    void bigBangWithRiskAcceptanceIsGoWithRiskAcceptance() {
        assertThat(rules.decide("go", "big-bang", true, "Rollback tested twice").outcome())
            .isEqualTo("go-with-risk-acceptance");
    }

    @Test
    void missingDecisionOrStrategyIsRefused() {
        assertThat(rules.decide(null, null, true, null).problems()).extracting(Problem::code)
            .containsExactly("form.field.required");
        assertThat(rules.decide("go", null, true, null).problems()).singleElement()
            .satisfies(p -> assertThat(p.args()).containsExactly("Cutover strategy"));
    }

    @Test
    void unknownDecisionOrStrategyIsRefused() {
        var result = rules.decide("maybe", "overnight", true, null);

        assertThat(result.problems()).extracting(Problem::code).containsExactly("form.field.choice", "form.field.choice");
        assertThat(result.problems().get(1).args()).containsExactly("Cutover strategy", "dual-run, waves, big-bang", "overnight");
    }
}
