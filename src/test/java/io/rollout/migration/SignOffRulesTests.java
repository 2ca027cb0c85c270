package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import org.junit.jupiter.api.Test;

class SignOffRulesTests {

    @Test
    void signOffNeedsADecision() {
        assertThat(SignOffRules.decision(null, "looks fine"))
                .containsExactly(new Problem("form.field.required", new Label("migration.field.dataSignedOff")));
    }

    @Test
    void refusalNeedsAComment() {
        assertThat(SignOffRules.decision(false, null))
                .containsExactly(new Problem("migration.signOff.commentRequired"));
        assertThat(SignOffRules.decision(false, "Credit limits of Hefei customers are missing"))
                .isEmpty();
    }

    @Test
    void signOffNeedsNoComment() {
        assertThat(SignOffRules.decision(true, null)).isEmpty();
    }
}
