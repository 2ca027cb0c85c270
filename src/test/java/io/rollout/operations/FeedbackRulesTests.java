package io.rollout.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackRulesTests {

    static final List<String> MODULES = List.of("finance", "inventory");

    static FeedbackRules.Triage triage(String decision, String priority, String reason) {
        return new FeedbackRules.Triage(decision, priority, reason, List.of(), List.of());
    }

    @Test
    void feedbackOfAKnownKindOnAModuleInScopeIsAccepted() {
        assertThat(FeedbackRules.checkReport(
                        new FeedbackRules.NewFeedback("improvement", " finance ", "Show the budget left on the order"),
                        MODULES))
                .isEmpty();
        assertThat(FeedbackRules.checkReport(new FeedbackRules.NewFeedback("bug", null, "Totals are wrong"), MODULES))
                .isEmpty();
    }

    @Test
    void reportNamesAnUnknownKindAModuleOutOfScopeAndMissingText() {
        assertThat(FeedbackRules.checkReport(new FeedbackRules.NewFeedback("wish", "hr", "  "), MODULES))
                .containsExactly(
                        new Problem("form.field.choice", "kind", "bug, improvement, training", "wish"),
                        new Problem("form.field.choice", "module", "finance, inventory", "hr"),
                        new Problem("operations.feedback.text", 2000));
    }

    @Test
    void textLongerThanTwoThousandCharactersIsRefused() {
        assertThat(FeedbackRules.checkReport(new FeedbackRules.NewFeedback("bug", null, "x".repeat(2001)), MODULES))
                .containsExactly(new Problem("operations.feedback.text", 2000));
        assertThat(FeedbackRules.checkReport(new FeedbackRules.NewFeedback("bug", null, "x".repeat(2000)), MODULES))
                .isEmpty();
    }

    @Test
    void acceptingNeedsAPriorityButNoReason() {
        assertThat(FeedbackRules.checkTriage(triage("accept", "high", null))).isEmpty();
        assertThat(FeedbackRules.checkTriage(triage("accept", null, null)))
                .containsExactly(new Problem("form.field.choice", "priority", "high, medium, low", "null"));
    }

    @Test
    void rejectingNeedsTheReasonButNoPriority() {
        assertThat(FeedbackRules.checkTriage(triage("reject", null, "Works as designed")))
                .isEmpty();
        assertThat(FeedbackRules.checkTriage(triage("reject", null, " ")))
                .containsExactly(new Problem("operations.feedback.reason"));
    }

    @Test
    void promotingNeedsPriorityAndReason() {
        assertThat(FeedbackRules.checkTriage(triage("promote", "medium", "Changes the approval flow")))
                .isEmpty();
        assertThat(FeedbackRules.checkTriage(triage("promote", "urgent", null)))
                .containsExactly(
                        new Problem("operations.feedback.reason"),
                        new Problem("form.field.choice", "priority", "high, medium, low", "urgent"));
    }

    @Test
    void anUnknownDecisionIsNamed() {
        assertThat(FeedbackRules.checkTriage(triage(null, "low", "why")))
                .containsExactly(new Problem("form.field.choice", "decision", "accept, reject, promote", "null"));
    }

    @Test
    void onlyNewFeedbackIsTriagedAndEachDecisionGivesItsStatus() {
        assertThat(FeedbackRules.undecided("new")).isTrue();
        assertThat(FeedbackRules.undecided("accepted")).isFalse();
        assertThat(List.of("accept", "reject", "promote").stream().map(FeedbackRules::status))
                .containsExactly("accepted", "rejected", "promoted");
        assertThat(FeedbackRules.promotes(triage("promote", "low", "r"))).isTrue();
        assertThat(FeedbackRules.promotes(triage("accept", "low", null))).isFalse();
    }
}
