package io.rollout.golive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunbookTests {

    static final List<Runbook.Step> PLAN = List.of(
            new Runbook.Step(1, "Freeze legacy", "wangfang", 30, List.of()),
            new Runbook.Step(2, "Load delta", "liwei", 120, List.of(1)),
            new Runbook.Step(3, "Reconcile balances", "liwei", 60, List.of(2)),
            new Runbook.Step(4, "Switch users", "wangfang", 30, List.of(2, 3)));

    static Runbook.StepRun run(int no, String status) {
        return new Runbook.StepRun(no, status, 10, null);
    }

    @Test
    void aPlanWithUnknownOrSelfDependenciesIsNamed() {
        List<Runbook.Problem> problems = Runbook.checkPlan(
                List.of(new Runbook.Step(1, "A", "u", 5, List.of(7)), new Runbook.Step(2, "B", "u", 5, List.of(2))));

        assertThat(problems)
                .extracting(Runbook.Problem::code)
                .containsExactly("golive.runbook.unknownDependency", "golive.runbook.selfDependency");
        assertThat(problems.get(0).args()).containsExactly(1, 7);
    }

    @Test
    void aCycleIsNamedStepByStep() {
        List<Runbook.Problem> problems = Runbook.checkPlan(List.of(
                new Runbook.Step(1, "A", "u", 5, List.of()),
                new Runbook.Step(2, "B", "u", 5, List.of(3)),
                new Runbook.Step(3, "C", "u", 5, List.of(4)),
                new Runbook.Step(4, "D", "u", 5, List.of(2, 1))));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("golive.runbook.cycle");
            assertThat(p.args()).containsExactly("2 → 3 → 4 → 2");
        });
        assertThat(Runbook.checkPlan(PLAN)).isEmpty();
    }

    @Test
    void aStepCannotStartOrFinishBeforeItsDependencies() {
        List<Runbook.Problem> problems = Runbook.checkRun(
                PLAN, List.of(run(1, "done"), run(2, "in-progress"), run(3, "not-started"), run(4, "done")));

        assertThat(problems)
                .extracting(p -> List.of(p.args()))
                .containsExactly(List.of(4, "Switch users", 2), List.of(4, "Switch users", 3));
        assertThat(Runbook.checkRun(PLAN, List.of(run(1, "done"), run(2, "in-progress"))))
                .isEmpty();
    }

    @Test
    void aRunSucceedsOnlyWhenEveryStepIsDone() {
        assertThat(Runbook.complete(PLAN, List.of(run(1, "done"), run(2, "done"), run(3, "done"), run(4, "done"))))
                .isTrue();
        assertThat(Runbook.complete(PLAN, List.of(run(1, "done"), run(2, "done"), run(3, "failed"), run(4, "done"))))
                .isFalse();
    }

    @Test
    void reconciliationIsWithinAtTheToleranceAndOutsideJustAboveIt() {
        BigDecimal tolerance = new BigDecimal("0.5");
        assertThat(Reconciliation.compare(new BigDecimal("1000"), new BigDecimal("1005"), tolerance)
                        .within())
                .isTrue();
        Reconciliation.Result above =
                Reconciliation.compare(new BigDecimal("1000"), new BigDecimal("1005.1"), tolerance);
        assertThat(above.within()).isFalse();
        assertThat(above.differencePercent()).isEqualByComparingTo("0.51");
        assertThat(Reconciliation.compare(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)
                        .within())
                .isTrue();
        assertThat(Reconciliation.compare(BigDecimal.ZERO, BigDecimal.ONE, tolerance)
                        .within())
                .isFalse();
    }
}
