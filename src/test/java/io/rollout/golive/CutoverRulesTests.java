package io.rollout.golive;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CutoverRulesTests {

    final CutoverRules rules = new CutoverRules();

    static FormRow row(int number, String step, String owner, Object minutes, boolean done) {
        Map<String, Object> values = new HashMap<>();
        values.put("step", step);
        values.put("owner", owner);
        values.put("plannedMinutes", minutes);
        values.put("done", done);
        return new FormRow(number, values);
    }

    @Test
    void succeededCutoverWithEveryStepDone() {
        var result = rules.check(List.of(row(1, "Load data", "wangfang", 120, true), row(2, "Switch", "liwei", "30", true)),
            true, "Live at 06:00");

        assertThat(result.problems()).isEmpty();
        assertThat(result.steps()).containsExactly(new CutoverRules.Step("Load data", "wangfang", 120, true),
            new CutoverRules.Step("Switch", "liwei", 30, true));
    }

    @Test
    void failedCutoverMayHaveOpenSteps() {
        var result = rules.check(List.of(row(1, "Load data", "wangfang", 120, false)), false, "Balances differ");

        assertThat(result.problems()).isEmpty();
        assertThat(result.steps()).hasSize(1);
    }

    @Test
    void succeededCutoverWithAnOpenStepIsRefused() {
        var result = rules.check(List.of(row(1, "Load data", "wangfang", 120, true), row(2, "Switch", "liwei", 30, false)),
            true, "Live");

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("golive.cutover.stepNotDone");
            assertThat(p.args()).containsExactly(2, "Switch");
        });
        assertThat(result.steps()).isEmpty();
    }

    @Test
    void incompleteRowsAreRefusedNamingRowAndField() {
        var result = rules.check(List.of(row(1, null, " ", "-5", false), row(2, "Switch", "liwei", "half", false)),
            false, "Stopped");

        assertThat(result.problems()).extracting(Problem::code, p -> List.of(p.args())).containsExactly(
            org.assertj.core.groups.Tuple.tuple("form.row.number", List.of(1, "Planned minutes", "-5")),
            org.assertj.core.groups.Tuple.tuple("form.row.required", List.of(1, "Step")),
            org.assertj.core.groups.Tuple.tuple("form.row.required", List.of(1, "Owner")),
            org.assertj.core.groups.Tuple.tuple("form.row.number", List.of(2, "Planned minutes", "half")));
    }

    @Test
    void emptyRunbookMissingOutcomeAndReportAreRefused() {
        var result = rules.check(List.of(new FormRow(1, Map.of("done", false))), null, null);

        assertThat(result.problems()).extracting(Problem::code)
            .containsExactly("golive.cutover.noSteps", "form.field.required", "form.field.required");
    }
}
