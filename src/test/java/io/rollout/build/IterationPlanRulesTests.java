package io.rollout.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.build.IterationPlanRules.Context;
import io.rollout.build.IterationPlanRules.Input;
import io.rollout.build.IterationPlanRules.IterationPlan;
import io.rollout.shared.Checked;
import io.rollout.shared.Problem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IterationPlanRulesTests {

    static final Context CONTEXT = new Context(
            Map.of("REQ-PUR-1", "procurement", "REQ-PUR-2", "procurement", "REQ-INV-1", "warehouse"),
            List.of("procurement", "warehouse", "finance"),
            d -> !d.equals("finance"));

    static List<String> codes(Checked<?> result) {
        return result.problems().stream().map(Problem::code).toList();
    }

    @Test
    void acceptsAPlanWithGoalScopeDatesAndOwnedDepartment() {
        Checked<IterationPlan> result = IterationPlanRules.plan(
                new Input(
                        "Purchase requisitions",
                        "procurement",
                        List.of("REQ-PUR-1", "REQ-PUR-2", "REQ-PUR-1"),
                        "2026-05-04",
                        "2026-05-15T00:00:00",
                        true),
                CONTEXT);

        assertThat(result.value())
                .isEqualTo(new IterationPlan(
                        "Purchase requisitions",
                        "procurement",
                        List.of("REQ-PUR-1", "REQ-PUR-2"),
                        LocalDate.of(2026, 5, 4),
                        LocalDate.of(2026, 5, 15),
                        true));
    }

    @Test
    void refusesAnEmptyPlanNamingEveryMissingField() {
        assertThat(codes(IterationPlanRules.plan(new Input(null, null, List.of(), null, null, null), CONTEXT)))
                .containsExactly(
                        "form.field.required",
                        "form.field.required",
                        "build.plan.scopeEmpty",
                        "form.field.required",
                        "form.field.required",
                        "form.field.required");
    }

    @Test
    void refusesScopeOutsideTheOwningDepartmentAndUnknownRequirements() {
        Checked<IterationPlan> result = IterationPlanRules.plan(
                new Input("Goal", "procurement", List.of("REQ-INV-1", "REQ-404"), "2026-05-04", "2026-05-15", false),
                CONTEXT);

        assertThat(result.problems())
                .containsExactly(
                        new Problem("build.plan.scopeOtherDepartment", "REQ-INV-1", "warehouse", "procurement"),
                        new Problem("build.plan.scopeUnknown", "REQ-404"));
    }

    @Test
    void refusesAnUnknownDepartmentAndOneWithoutBusinessOwner() {
        assertThat(codes(IterationPlanRules.plan(
                        new Input("Goal", "it", List.of("REQ-PUR-1"), "2026-05-04", "2026-05-15", false), CONTEXT)))
                .contains("form.field.choice");
        assertThat(IterationPlanRules.plan(
                                new Input("Goal", "finance", List.of(), "2026-05-04", "2026-05-15", false), CONTEXT)
                        .problems())
                .contains(new Problem("build.plan.noOwner", "finance"));
    }

    @Test
    void refusesBadDatesAndAnEndBeforeTheStart() {
        assertThat(codes(IterationPlanRules.plan(
                        new Input("Goal", "procurement", List.of("REQ-PUR-1"), "next week", "2026-05-15", false),
                        CONTEXT)))
                .containsExactly("build.date.invalid");
        assertThat(IterationPlanRules.plan(
                                new Input(
                                        "Goal", "procurement", List.of("REQ-PUR-1"), "2026-05-15", "2026-05-04", false),
                                CONTEXT)
                        .problems())
                .containsExactly(
                        new Problem("build.plan.datesOrder", LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 15)));
    }
}
