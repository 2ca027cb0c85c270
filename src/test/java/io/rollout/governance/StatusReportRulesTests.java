package io.rollout.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import org.junit.jupiter.api.Test;

class StatusReportRulesTests {

    @Test
    void aReportWithoutRagOrSummaryIsRefusedWithBothReasons() {
        assertThat(StatusReportRules.check("purple", null))
                .containsExactly(
                        Problem.of(
                                "form.field.choice", new Label("governance.field.rag"), "green, amber, red", "purple"),
                        Problem.of("form.field.required", new Label("governance.field.summary")));
        assertThat(StatusReportRules.check(null, "On track"))
                .containsExactly(Problem.of("form.field.required", new Label("governance.field.rag")));
    }

    @Test
    void aSummaryLongerThan4000CharactersIsRefused() {
        assertThat(StatusReportRules.check("green", "x".repeat(4001)))
                .containsExactly(Problem.of("governance.text.tooLong", new Label("governance.field.summary"), 4000));
        assertThat(StatusReportRules.check("green", "x".repeat(4000))).isEmpty();
    }

    @Test
    void theRagStatusIsAcceptedInAnyCase() {
        assertThat(StatusReportRules.check("Amber", "Data migration is late")).isEmpty();
    }
}
