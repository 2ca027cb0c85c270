package io.rollout.planning;

import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the PMO may confirm as the project's scope ({@code UserTask_ConfirmScope} in {@code planningPhase})
 * against the recommendation of the DMN table {@code scopeDecision}: the approach full rollout or pilot; the
 * department that goes first, one of the project's departments; for a pilot at least one pilot module, each
 * one of the project's modules; and a reason whenever approach or first department differ from the
 * recommendation (an override). Plain rule: no engine, no Spring.
 */
final class ScopeRules {

    static final String FULL_ROLLOUT = "full-rollout";
    static final String PILOT = "pilot";
    static final List<String> APPROACHES = List.of(FULL_ROLLOUT, PILOT);

    /** The facts the DMN table {@code scopeDecision} decides on, derived from the stored project and plan. */
    record ScopeInputs(List<String> departments, List<String> modules, int highRisks, String systemType) {

        /**
         * The variables {@code scopeDecision} is evaluated with: the table's columns {@code systemType},
         * {@code departmentCount}, {@code moduleCount}, {@code highRiskCount}, {@code departmentList} (text), and
         * {@code departments}, the list itself, which rules use in FEEL ({@code list contains(departments, "sales")})
         * and which is not a column, so the decision history only keeps plain values.
         */
        Map<String, Object> decisionVariables() {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("systemType", systemType);
            variables.put("departmentCount", departments.size());
            variables.put("moduleCount", modules.size());
            variables.put("highRiskCount", highRisks);
            variables.put("departmentList", String.join(", ", departments));
            variables.put("departments", new ArrayList<>(departments));
            return variables;
        }

        /** For the decision log, e.g. {@code departments=[finance, sales], modules=3, highRisks=1, systemType=ERP}. */
        String summary() {
            return "departments=" + departments + ", modules=" + modules.size() + " " + modules + ", highRisks="
                    + highRisks + ", systemType=" + systemType;
        }
    }

    /** What {@code scopeDecision} recommended; {@code firstDepartment} may be {@code null}. */
    record Recommendation(String approach, String firstDepartment, String reason) {}

    /** The confirmed scope; {@code pilotModules} is empty for a full rollout. */
    record ScopeChoice(
            String approach,
            String firstDepartment,
            List<String> pilotModules,
            boolean overridden,
            String overrideReason) {}

    /** The choice, or the problems that refuse it (then {@code choice} is {@code null}). */
    record Result(ScopeChoice choice, List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    private ScopeRules() {}

    static Result check(
            Recommendation recommended,
            String approach,
            String firstDepartment,
            List<String> pilotModules,
            String overrideReason,
            List<String> departments,
            List<String> modules) {
        List<Problem> problems = new ArrayList<>();
        if (approach == null) {
            problems.add(new Problem("form.field.required", new Label("planning.field.scopeApproach")));
        } else if (!APPROACHES.contains(approach)) {
            problems.add(new Problem(
                    "form.field.choice",
                    new Label("planning.field.scopeApproach"),
                    String.join(", ", APPROACHES),
                    approach));
        }
        if (firstDepartment == null && !departments.isEmpty()) {
            problems.add(new Problem("form.field.required", new Label("planning.field.firstDepartment")));
        } else if (firstDepartment != null && !departments.contains(firstDepartment)) {
            problems.add(new Problem(
                    "planning.scope.departmentNotInScope", firstDepartment, String.join(", ", departments)));
        }
        List<String> pilot = PILOT.equals(approach) ? List.copyOf(new LinkedHashSet<>(pilotModules)) : List.of();
        if (PILOT.equals(approach)) {
            if (pilot.isEmpty()) {
                problems.add(new Problem("planning.scope.pilotModulesRequired"));
            }
            for (String module : pilot) {
                if (!modules.contains(module)) {
                    problems.add(new Problem("planning.scope.moduleNotInScope", module, String.join(", ", modules)));
                }
            }
        }
        boolean overridden = approach != null
                && (!approach.equals(recommended.approach())
                        || !Objects.equals(firstDepartment, recommended.firstDepartment()));
        if (overridden && overrideReason == null) {
            problems.add(new Problem(
                    "planning.scope.overrideReason",
                    recommended.approach(),
                    recommended.firstDepartment() == null ? "-" : recommended.firstDepartment()));
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(
                new ScopeChoice(approach, firstDepartment, pilot, overridden, overridden ? overrideReason : null),
                List.of());
    }
}
