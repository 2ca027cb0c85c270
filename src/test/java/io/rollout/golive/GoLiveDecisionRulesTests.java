package io.rollout.golive;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.golive.GoLiveDecisionRules.Submission;
import io.rollout.shared.Problem;
import org.junit.jupiter.api.Test;

class GoLiveDecisionRulesTests {

    final GoLiveDecisionRules rules = new GoLiveDecisionRules();

    static Submission go(String recommendation, String strategy) {
        return new Submission(recommendation, "go", strategy, null, null, null);
    }

    @Test
    void goOnAGoRecommendationConfirmsIt() {
        var result = rules.decide(go("go", "dual-run"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.outcome()).isEqualTo("go");
        assertThat(result.overridden()).isFalse();
    }

    @Test
    void noGoOnANoGoRecommendationNeedsNeitherStrategyNorReason() {
        var result = rules.decide(new Submission("no-go", "no-go", null, null, null, null));

        assertThat(result.problems()).isEmpty();
        assertThat(result.outcome()).isEqualTo("no-go");
        assertThat(result.overridden()).isFalse();
    }

    @Test
    void goAgainstNoGoWithRiskAcceptanceIsARecordedOverride() {
        var result = rules.decide(
                new Submission("no-go", "go", "waves", null, "We accept the open inventory findings", null));

        assertThat(result.outcome()).isEqualTo("go-with-risk-acceptance");
        assertThat(result.overridden()).isTrue();
    }

    @Test
    void goAgainstNoGoWithoutRiskAcceptanceIsRefused() {
        var result = rules.decide(new Submission("no-go", "go", "waves", null, "  ", null));

        assertThat(result.outcome()).isNull();
        assertThat(result.problems())
                .extracting(Problem::code)
                .containsExactly("golive.decision.overrideNeedsRiskAcceptance");
    }

    @Test
    void goOnAConditionalGoNeedsItsConditions() {
        assertThat(rules.decide(go("conditional-go", "waves")).problems())
                .extracting(Problem::code)
                .containsExactly("golive.decision.conditionalGoNeedsConditions");

        var result = rules.decide(new Submission(
                "conditional-go",
                "go",
                "waves",
                "Make-up training for sales operators by 2026-12-01 (trainer liuyang)",
                null,
                null));

        assertThat(result.problems()).isEmpty();
        assertThat(result.outcome()).isEqualTo("conditional-go");
        assertThat(result.overridden()).isFalse();
    }

    @Test
    void noGoAgainstAGoOrConditionalGoNeedsAReasonAndIsAnOverride() {
        assertThat(rules.decide(new Submission("go", "no-go", null, null, null, " "))
                        .problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.code()).isEqualTo("golive.decision.noGoOverrideNeedsReason");
                    assertThat(p.args()).containsExactly("go");
                });

        var result = rules.decide(
                new Submission("conditional-go", "no-go", null, null, null, "Year-end closing: wait for January"));

        assertThat(result.outcome()).isEqualTo("no-go");
        assertThat(result.overridden()).isTrue();
    }

    @Test
    void bigBangNeedsRiskAcceptanceEvenOnAGoRecommendation() {
        assertThat(rules.decide(go("go", "big-bang")).problems())
                .extracting(Problem::code)
                .containsExactly("golive.decision.bigBangNeedsRiskAcceptance");

        var result = rules.decide(new Submission("go", "go", "big-bang", null, "Rollback tested twice", null));

        assertThat(result.outcome()).isEqualTo("go-with-risk-acceptance");
        assertThat(result.overridden()).isFalse();
    }

    @Test
    void missingDecisionOrStrategyIsRefused() {
        assertThat(rules.decide(new Submission("go", null, null, null, null, null))
                        .problems())
                .extracting(Problem::code)
                .containsExactly("form.field.required");
        assertThat(rules.decide(go("go", null)).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.args()).containsExactly("Cutover strategy"));
    }

    @Test
    void unknownDecisionOrStrategyIsRefused() {
        var result = rules.decide(new Submission("go", "maybe", "overnight", null, null, null));

        assertThat(result.problems())
                .extracting(Problem::code)
                .containsExactly("form.field.choice", "form.field.choice");
        assertThat(result.problems().get(1).args())
                .containsExactly("Cutover strategy", "dual-run, waves, big-bang", "overnight");
    }
}
