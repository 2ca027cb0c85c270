package io.rollout.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.migration.DryRunRules.Evaluation;
import io.rollout.migration.DryRunRules.Figures;
import io.rollout.migration.DryRunRules.Reconciliation;
import io.rollout.shared.Problem;
import org.junit.jupiter.api.Test;

class DryRunRulesTests {

    private static java.util.List<String> codes(Reconciliation r) {
        return r.problems().stream().map(Problem::code).toList();
    }

    @Test
    void reconcilesCountsAsFormsSubmitThem() {
        Reconciliation r = DryRunRules.reconcile(1000L, 990, "10", "customers.csv", "10 without tax id");
        assertThat(r.valid()).isTrue();
        assertThat(r.figures()).isEqualTo(new Figures(1000, 990, 10));
        assertThat(DryRunRules.reconcile(2000.0, 2000.0, 0.0, "f.csv", null).figures()).isEqualTo(new Figures(2000, 2000, 0));
    }

    @Test
    void refusesWhenSourceIsNotAcceptedPlusRejected() {
        Reconciliation r = DryRunRules.reconcile(100, 90, 5, "f.csv", "dupes");
        assertThat(codes(r)).containsExactly("migration.dryRun.unreconciled");
        assertThat(r.problems().get(0).args()).containsExactly("100", "90", "5", "5");
        assertThat(r.figures()).isNull();
    }

    @Test
    void refusesMissingNegativeAndFractionalCounts() {
        Reconciliation r = DryRunRules.reconcile(null, -1, 2.5, "f.csv", "x");
        assertThat(codes(r)).containsExactly("form.field.required", "migration.dryRun.count", "migration.dryRun.count");
    }

    @Test
    void refusesMissingSourceFileAndRejectsWithoutReasons() {
        Reconciliation r = DryRunRules.reconcile(10, 8, 2, null, null);
        assertThat(codes(r)).containsExactly("form.field.required", "migration.dryRun.rejectReasonsRequired");
    }

    @Test
    void isCleanAtTheThresholdAndNotAboveIt() {
        Evaluation atThreshold = DryRunRules.evaluate(new Figures(1000, 980, 20), 2);
        assertThat(atThreshold.rejectRate()).isEqualTo(2.0);
        assertThat(atThreshold.clean()).isTrue();
        assertThat(atThreshold.finding().code()).isEqualTo("migration.dryRun.clean");

        Evaluation above = DryRunRules.evaluate(new Figures(3000, 2939, 61), 2);
        assertThat(above.rejectRate()).isEqualTo(2.03);
        assertThat(above.clean()).isFalse();
        assertThat(above.finding().code()).isEqualTo("migration.dryRun.tooManyRejects");
        assertThat(above.finding().args()).containsExactly(2.03, "61", "3000", 2);
    }

    @Test
    void anEmptySourceHasNoRejects() {
        Evaluation empty = DryRunRules.evaluate(new Figures(0, 0, 0), 0);
        assertThat(empty.rejectRate()).isZero();
        assertThat(empty.clean()).isTrue();
    }
}
