package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.migration.DryRunRules.Evaluation;
import io.rollout.migration.DryRunRules.Figures;
import org.junit.jupiter.api.Test;

class DryRunRulesTests {

    @Test
    void isCleanBelowTheThresholdAndNotAtIt() {
        Evaluation below = DryRunRules.evaluate(new Figures(1000, 981, 19), 2);
        assertThat(below.rejectRate()).isEqualTo(1.9);
        assertThat(below.clean()).isTrue();
        assertThat(below.finding().code()).isEqualTo("migration.dryRun.clean");

        Evaluation atThreshold = DryRunRules.evaluate(new Figures(1000, 980, 20), 2);
        assertThat(atThreshold.rejectRate()).isEqualTo(2.0);
        assertThat(atThreshold.clean()).isFalse();
        assertThat(atThreshold.finding().code()).isEqualTo("migration.dryRun.tooManyRejects");

        Evaluation above = DryRunRules.evaluate(new Figures(3000, 2939, 61), 2);
        assertThat(above.rejectRate()).isEqualTo(2.03);
        assertThat(above.clean()).isFalse();
        assertThat(above.finding().code()).isEqualTo("migration.dryRun.tooManyRejects");
        assertThat(above.finding().args()).containsExactly(2.03, "61", "3000", 2);
    }

    @Test
    void aRunWithoutRejectsIsCleanEvenAtAThresholdOfZero() {
        assertThat(DryRunRules.evaluate(new Figures(10, 10, 0), 0).clean()).isTrue();
        assertThat(DryRunRules.evaluate(new Figures(10, 9, 1), 0).clean()).isFalse();
    }

    @Test
    void anEmptySourceHasNoRejects() {
        Evaluation empty = DryRunRules.evaluate(new Figures(0, 0, 0), 0);
        assertThat(empty.rejectRate()).isZero();
        assertThat(empty.clean()).isTrue();
    }
}
