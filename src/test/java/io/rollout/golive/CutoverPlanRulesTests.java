package io.rollout.golive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CutoverPlanRulesTests {

    static final List<String> DEPARTMENTS = List.of("procurement", "warehouse");
    static final Set<String> OPERATIONS = Set.of("xuhao");

    /** Everyone may own a step; a wave's team is fine when IT operations is in it. */
    static final CutoverPlanRules.People PEOPLE = new CutoverPlanRules.People() {
        @Override
        public String departmentNames(List<String> departments) {
            return String.join(", ", departments);
        }

        @Override
        public Optional<Problem> stepOwnerProblem(int row, String userId, List<String> projectDepartments) {
            return "nobody".equals(userId)
                    ? Optional.of(new Problem("golive.plan.unknownUser", row, userId))
                    : Optional.empty();
        }

        @Override
        public List<Problem> onCallProblems(int row, List<String> team, List<String> waveDepartments) {
            return team.stream().anyMatch(OPERATIONS::contains)
                    ? List.of()
                    : List.of(new Problem("golive.people.onCallNeedsOperations", row));
        }
    };

    static FormRow row(int number, Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new FormRow(number, values);
    }

    static final List<FormRow> RUNBOOK = List.of(
            row(1, "stepNo", 1L, "title", "Freeze legacy", "owner", "wangfang", "plannedMinutes", 30L, "dependsOn", ""),
            row(2, "stepNo", 2L, "title", "Load delta", "owner", "liwei", "plannedMinutes", 60L, "dependsOn", "1"));

    static CutoverPlanRules.Submission submission(
            String strategy, String days, List<FormRow> figures, List<FormRow> waves, List<FormRow> runbook) {
        return new CutoverPlanRules.Submission(
                strategy, "Lowest risk for the warehouse", days, figures, waves, runbook);
    }

    static List<String> codes(CutoverPlanRules.Result result) {
        return result.problems().stream().map(Problem::code).toList();
    }

    @Test
    void aBigBangWithAValidRunbookIsAPlan() {
        var result = CutoverPlanRules.check(
                submission("big-bang", null, List.of(), List.of(), RUNBOOK), DEPARTMENTS, PEOPLE);

        assertThat(result.problems()).isEmpty();
        assertThat(result.plan())
                .isEqualTo(new CutoverPlanRepository.Plan("big-bang", "Lowest risk for the warehouse", null));
        assertThat(result.steps())
                .extracting(Runbook.Step::no, Runbook.Step::dependsOn)
                .containsExactly(tuple(1, List.of()), tuple(2, List.of(1)));
    }

    @Test
    void aPlanNeedsAKnownStrategyAndAReason() {
        var result = CutoverPlanRules.check(
                new CutoverPlanRules.Submission("overnight", null, null, List.of(), List.of(), RUNBOOK),
                DEPARTMENTS,
                PEOPLE);

        assertThat(result.problems())
                .containsExactly(
                        new Problem("form.field.choice", "Cutover strategy", "dual-run, waves, big-bang", "overnight"),
                        new Problem("golive.plan.reasonRequired"));
    }

    @Test
    void aDualRunNeedsOneToNinetyDaysAndKeyFiguresWithToleranceNamedOnce() {
        var result = CutoverPlanRules.check(
                submission(
                        "dual-run",
                        "91",
                        List.of(
                                row(1, "name", "Open orders", "tolerancePercent", "0.5"),
                                row(2, "name", "Open orders", "tolerancePercent", "101")),
                        List.of(),
                        RUNBOOK),
                DEPARTMENTS,
                PEOPLE);

        assertThat(result.problems())
                .containsExactly(
                        new Problem("golive.plan.dualRunDays", "91"),
                        new Problem("golive.plan.duplicate", 2, "Open orders"),
                        new Problem("golive.plan.tolerance", 2, "101"));
    }

    @Test
    void aDualRunWithDaysAndFiguresIsAPlan() {
        var result = CutoverPlanRules.check(
                submission(
                        "dual-run",
                        "5",
                        List.of(row(1, "name", "Stock value", "tolerancePercent", "1")),
                        List.of(),
                        RUNBOOK),
                DEPARTMENTS,
                PEOPLE);

        assertThat(result.problems()).isEmpty();
        assertThat(result.plan().dualRunDays()).isEqualTo(5);
        assertThat(result.figures())
                .containsExactly(new CutoverPlanRepository.KeyFigure("Stock value", BigDecimal.ONE));
    }

    @Test
    void aDualRunWithoutKeyFiguresIsRefused() {
        var result = CutoverPlanRules.check(
                submission("dual-run", "5", List.of(row(1)), List.of(), RUNBOOK), DEPARTMENTS, PEOPLE);

        assertThat(codes(result)).containsExactly("golive.plan.noKeyFigure");
    }

    @Test
    void everyDepartmentGoesLiveInExactlyOneWave() {
        var result = CutoverPlanRules.check(
                submission(
                        "waves",
                        null,
                        List.of(),
                        List.of(
                                row(
                                        1,
                                        "departments",
                                        List.of("procurement", "finance"),
                                        "stabilisationDays",
                                        7L,
                                        "onCall",
                                        List.of("xuhao")),
                                row(
                                        2,
                                        "departments",
                                        "procurement",
                                        "stabilisationDays",
                                        0L,
                                        "onCall",
                                        List.of("liwei"))),
                        RUNBOOK),
                DEPARTMENTS,
                PEOPLE);

        assertThat(result.problems())
                .containsExactly(
                        new Problem("golive.plan.unknownDepartment", 1, "finance", "procurement, warehouse"),
                        new Problem("golive.plan.departmentTwice", 2, "procurement", 1),
                        new Problem("golive.plan.stabilisation", 2, "0"),
                        new Problem("golive.people.onCallNeedsOperations", 2),
                        new Problem("golive.plan.departmentsWithoutWave", "warehouse"));
    }

    @Test
    void wavesThatCoverEveryDepartmentAreNumberedInOrder() {
        var result = CutoverPlanRules.check(
                submission(
                        "waves",
                        null,
                        List.of(),
                        List.of(
                                row(
                                        1,
                                        "departments",
                                        List.of("procurement"),
                                        "stabilisationDays",
                                        7L,
                                        "onCall",
                                        List.of("xuhao")),
                                row(2),
                                row(3, "departments", "warehouse", "stabilisationDays", "3", "onCall", "xuhao")),
                        RUNBOOK),
                DEPARTMENTS,
                PEOPLE);

        assertThat(result.problems()).isEmpty();
        assertThat(result.waves())
                .extracting(
                        CutoverPlanRepository.Wave::no,
                        CutoverPlanRepository.Wave::departments,
                        CutoverPlanRepository.Wave::stabilisationDays)
                .containsExactly(tuple(1, List.of("procurement"), 7), tuple(2, List.of("warehouse"), 3));
    }

    @Test
    void runbookRowsAreCheckedBeforeTheirDependencies() {
        var result = CutoverPlanRules.check(
                submission(
                        "big-bang",
                        null,
                        List.of(),
                        List.of(),
                        List.of(
                                row(
                                        1,
                                        "stepNo",
                                        1L,
                                        "title",
                                        "Freeze",
                                        "owner",
                                        "nobody",
                                        "plannedMinutes",
                                        0L,
                                        "dependsOn",
                                        "x"),
                                row(2, "stepNo", 1L, "owner", "liwei", "plannedMinutes", 10L))),
                DEPARTMENTS,
                PEOPLE);

        assertThat(result.problems())
                .containsExactly(
                        new Problem("golive.plan.unknownUser", 1, "nobody"),
                        new Problem("form.row.number", 1, "Minutes", 0),
                        new Problem("form.row.number", 1, "After steps", "x"),
                        new Problem("form.row.required", 2, "Step"),
                        new Problem("golive.plan.duplicate", 2, 1));
    }

    @Test
    void aRunbookWithACycleIsRefused() {
        var result = CutoverPlanRules.check(
                submission(
                        "big-bang",
                        null,
                        List.of(),
                        List.of(),
                        List.of(
                                row(
                                        1,
                                        "stepNo",
                                        1L,
                                        "title",
                                        "A",
                                        "owner",
                                        "liwei",
                                        "plannedMinutes",
                                        10L,
                                        "dependsOn",
                                        "2"),
                                row(
                                        2,
                                        "stepNo",
                                        2L,
                                        "title",
                                        "B",
                                        "owner",
                                        "liwei",
                                        "plannedMinutes",
                                        10L,
                                        "dependsOn",
                                        "1"))),
                DEPARTMENTS,
                PEOPLE);

        assertThat(result.problems()).containsExactly(new Problem("golive.runbook.cycle", "1 → 2 → 1"));
    }

    @Test
    void aPlanWithoutStepsIsRefused() {
        var result = CutoverPlanRules.check(
                submission("big-bang", null, List.of(), List.of(), List.of(row(1))), DEPARTMENTS, PEOPLE);

        assertThat(codes(result)).containsExactly("golive.cutover.noSteps");
    }
}
