package io.rollout.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.planning.ScopeRules.Recommendation;
import io.rollout.planning.ScopeRules.Result;
import io.rollout.planning.ScopeRules.ScopeChoice;
import io.rollout.shared.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeRulesTests {

    static final Recommendation PILOT_WAREHOUSE = new Recommendation("pilot", "warehouse", "many high risks");
    static final List<String> DEPARTMENTS = List.of("procurement", "warehouse");
    static final List<String> MODULES = List.of("inventory", "procurement");

    static List<String> codes(Result result) {
        return result.problems().stream().map(Problem::code).toList();
    }

    @Test
    void confirmingTheRecommendationNeedsNoReason() {
        Result result = ScopeRules.check(
                PILOT_WAREHOUSE, "pilot", "warehouse", List.of("inventory", "inventory"), null, DEPARTMENTS, MODULES);
        assertThat(result.choice()).isEqualTo(new ScopeChoice("pilot", "warehouse", List.of("inventory"), false, null));
    }

    @Test
    void overridingApproachOrFirstDepartmentNeedsAReason() {
        assertThat(codes(ScopeRules.check(
                        PILOT_WAREHOUSE, "full-rollout", "warehouse", List.of(), null, DEPARTMENTS, MODULES)))
                .containsExactly("planning.scope.overrideReason");
        assertThat(codes(ScopeRules.check(
                        PILOT_WAREHOUSE, "pilot", "procurement", List.of("procurement"), null, DEPARTMENTS, MODULES)))
                .containsExactly("planning.scope.overrideReason");

        Result result = ScopeRules.check(
                PILOT_WAREHOUSE,
                "full-rollout",
                "procurement",
                List.of("inventory"),
                "Both teams are ready",
                DEPARTMENTS,
                MODULES);
        // a full rollout has no pilot modules, whatever was ticked before
        assertThat(result.choice())
                .isEqualTo(new ScopeChoice("full-rollout", "procurement", List.of(), true, "Both teams are ready"));
    }

    @Test
    void aPilotNeedsModulesOfTheProject() {
        assertThat(codes(
                        ScopeRules.check(PILOT_WAREHOUSE, "pilot", "warehouse", List.of(), null, DEPARTMENTS, MODULES)))
                .containsExactly("planning.scope.pilotModulesRequired");
        Result result = ScopeRules.check(
                PILOT_WAREHOUSE, "pilot", "warehouse", List.of("inventory", "payroll"), null, DEPARTMENTS, MODULES);
        assertThat(result.problems())
                .containsExactly(new Problem("planning.scope.moduleNotInScope", "payroll", "inventory, procurement"));
    }

    @Test
    void theFirstDepartmentMustBeInScope() {
        assertThat(codes(ScopeRules.check(
                        PILOT_WAREHOUSE, "pilot", null, List.of("inventory"), "x", DEPARTMENTS, MODULES)))
                .containsExactly("form.field.required");
        assertThat(codes(ScopeRules.check(
                        PILOT_WAREHOUSE, "pilot", "finance", List.of("inventory"), "x", DEPARTMENTS, MODULES)))
                .containsExactly("planning.scope.departmentNotInScope");
    }

    @Test
    void refusesAMissingOrUnknownApproach() {
        assertThat(codes(ScopeRules.check(PILOT_WAREHOUSE, null, "warehouse", List.of(), null, DEPARTMENTS, MODULES)))
                .containsExactly("form.field.required");
        assertThat(codes(ScopeRules.check(
                        PILOT_WAREHOUSE, "big-bang", "warehouse", List.of(), "x", DEPARTMENTS, MODULES)))
                .containsExactly("form.field.choice");
    }

    @Test
    void aProjectWithoutDepartmentsNeedsNoFirstDepartment() {
        Recommendation none = new Recommendation("full-rollout", null, "small");
        assertThat(ScopeRules.check(none, "full-rollout", null, List.of(), null, List.of(), MODULES)
                        .valid())
                .isTrue();
    }
}
