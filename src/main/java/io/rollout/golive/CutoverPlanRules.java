package io.rollout.golive;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a cutover plan ({@code UserTask_PlanCutover} in {@code goLive}) must contain: a strategy of
 * {@link GoLiveDecisionRules#STRATEGIES} with its reason; for a dual run 1 to 90 days and at least one key figure,
 * each named once with a tolerance of 0 to 100 percent; for waves every project department in exactly one wave,
 * each wave with at least one stabilisation day and an on-call team; and a runbook of numbered steps, each with
 * a title, an owner who may own it and planned minutes, whose dependencies name known steps without a cycle
 * ({@link Runbook#checkPlan}). Every problem is named by row. Plain Java: who may own a step or be on call is
 * asked of {@link People}.
 */
final class CutoverPlanRules {

    static final String DUAL_RUN = "dual-run";
    static final String WAVES = "waves";

    /** What the PMO submitted: strategy, reason, days of a dual run, and the rows of the three grids. */
    record Submission(
            String strategy,
            String reason,
            String dualRunDays,
            List<FormRow> keyFigures,
            List<FormRow> waves,
            List<FormRow> runbook) {}

    /** The plan to store, or the problems that refuse the submission. */
    record Result(
            CutoverPlanRepository.Plan plan,
            List<CutoverPlanRepository.Wave> waves,
            List<CutoverPlanRepository.KeyFigure> figures,
            List<Runbook.Step> steps,
            List<Problem> problems) {}

    /** What the rules ask of the people and departments named. */
    interface People {

        /** Display names of departments, comma-separated. */
        String departmentNames(List<String> departments);

        /** Why the user cannot own a runbook step of the project; empty when they can. */
        Optional<Problem> stepOwnerProblem(int row, String userId, List<String> projectDepartments);

        /** Why the team cannot be on call for a wave of these departments, one problem per person. */
        List<Problem> onCallProblems(int row, List<String> team, List<String> waveDepartments);
    }

    private CutoverPlanRules() {}

    /**
     * Checks a submitted plan against the project's departments.
     *
     * @param departments the project's departments (codes)
     */
    static Result check(Submission s, List<String> departments, People people) {
        List<Problem> problems = new ArrayList<>();
        String strategy = s.strategy();
        if (strategy == null) {
            problems.add(new Problem("form.field.required", "Cutover strategy"));
        } else if (!GoLiveDecisionRules.STRATEGIES.contains(strategy)) {
            problems.add(new Problem(
                    "form.field.choice",
                    "Cutover strategy",
                    String.join(", ", GoLiveDecisionRules.STRATEGIES),
                    strategy));
        }
        if (s.reason() == null) {
            problems.add(new Problem("golive.plan.reasonRequired"));
        }
        Integer days = null;
        List<CutoverPlanRepository.KeyFigure> figures = List.of();
        List<CutoverPlanRepository.Wave> waves = List.of();
        if (DUAL_RUN.equals(strategy)) {
            days = days(s.dualRunDays(), problems);
            figures = figures(s.keyFigures(), problems);
        } else if (WAVES.equals(strategy)) {
            waves = waves(s.waves(), departments, people, problems);
        }
        List<Runbook.Step> steps = steps(s.runbook(), departments, people, problems);
        return new Result(new CutoverPlanRepository.Plan(strategy, s.reason(), days), waves, figures, steps, problems);
    }

    private static Integer days(String text, List<Problem> problems) {
        try {
            int days = text == null ? 0 : Integer.parseInt(text.trim());
            if (days >= 1 && days <= 90) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem("golive.plan.dualRunDays", text == null ? "" : text));
        return null;
    }

    private static List<CutoverPlanRepository.KeyFigure> figures(List<FormRow> rows, List<Problem> problems) {
        List<CutoverPlanRepository.KeyFigure> figures = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (FormRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            String name = row.text("name");
            BigDecimal tolerance = decimal(row.text("tolerancePercent"));
            if (name == null) {
                problems.add(new Problem("form.row.required", row.number(), "Key figure"));
            } else if (!names.add(name)) {
                problems.add(new Problem("golive.plan.duplicate", row.number(), name));
            }
            if (tolerance == null || tolerance.signum() < 0 || tolerance.compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add(new Problem("golive.plan.tolerance", row.number(), row.text("tolerancePercent")));
            } else if (name != null) {
                figures.add(new CutoverPlanRepository.KeyFigure(name, tolerance));
            }
        }
        if (figures.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem("golive.plan.noKeyFigure"));
        }
        return figures;
    }

    private static List<CutoverPlanRepository.Wave> waves(
            List<FormRow> rows, List<String> departments, People people, List<Problem> problems) {
        List<CutoverPlanRepository.Wave> waves = new ArrayList<>();
        Map<String, Integer> waveOf = new LinkedHashMap<>();
        for (FormRow row : rows) {
            List<String> in = strings(row.values().get("departments"));
            List<String> onCall = strings(row.values().get("onCall"));
            if (in.isEmpty() && onCall.isEmpty() && row.text("stabilisationDays") == null) {
                continue;
            }
            int no = waves.size() + 1;
            placeDepartments(row.number(), no, in, departments, waveOf, people, problems);
            Integer days = stabilisationDays(row, problems);
            if (in.isEmpty()) {
                problems.add(new Problem("form.row.required", row.number(), "Departments"));
            }
            problems.addAll(people.onCallProblems(row.number(), onCall, in));
            waves.add(new CutoverPlanRepository.Wave(no, in, days == null ? 1 : days, onCall, "planned"));
        }
        List<String> missing =
                departments.stream().filter(d -> !waveOf.containsKey(d)).toList();
        if (!missing.isEmpty()) {
            problems.add(new Problem("golive.plan.departmentsWithoutWave", people.departmentNames(missing)));
        }
        return waves;
    }

    // every department of the project in exactly one wave
    private static void placeDepartments(
            int row,
            int wave,
            List<String> in,
            List<String> departments,
            Map<String, Integer> waveOf,
            People people,
            List<Problem> problems) {
        for (String d : in) {
            if (!departments.contains(d)) {
                problems.add(new Problem("golive.plan.unknownDepartment", row, d, people.departmentNames(departments)));
            } else if (waveOf.putIfAbsent(d, wave) != null) {
                problems.add(new Problem(
                        "golive.plan.departmentTwice", row, people.departmentNames(List.of(d)), waveOf.get(d)));
            }
        }
    }

    private static Integer stabilisationDays(FormRow row, List<Problem> problems) {
        Integer days = null;
        try {
            days = row.integer("stabilisationDays");
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        if (days == null || days < 1) {
            problems.add(new Problem("golive.plan.stabilisation", row.number(), row.text("stabilisationDays")));
        }
        return days;
    }

    // a tag list submits a list; a REST client may send "a, b"
    static List<String> strings(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream()
                    .map(v -> v == null ? "" : v.toString().trim())
                    .filter(v -> !v.isEmpty())
                    .distinct()
                    .toList();
        }
        return CutoverPlanRepository.split(value == null ? null : value.toString());
    }

    private static List<Runbook.Step> steps(
            List<FormRow> rows, List<String> departments, People people, List<Problem> problems) {
        List<Runbook.Step> steps = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        int before = problems.size();
        for (FormRow row : rows) {
            if (!row.isBlank()) {
                step(row, departments, people, numbers, problems).ifPresent(steps::add);
            }
        }
        if (problems.size() == before) {
            Runbook.checkPlan(steps).forEach(p -> problems.add(new Problem(p.code(), p.args())));
        }
        if (steps.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem("golive.cutover.noSteps"));
        }
        return steps;
    }

    private static Optional<Runbook.Step> step(
            FormRow row, List<String> departments, People people, Set<Integer> numbers, List<Problem> problems) {
        Integer no = integer(row, "stepNo", "No.", problems);
        Integer minutes = integer(row, "plannedMinutes", "Minutes", problems);
        String title = row.text("title");
        String owner = row.text("owner");
        if (title == null) {
            problems.add(new Problem("form.row.required", row.number(), "Step"));
        }
        if (owner == null) {
            problems.add(new Problem("form.row.required", row.number(), "Owner"));
        } else {
            people.stepOwnerProblem(row.number(), owner, departments).ifPresent(problems::add);
        }
        if (minutes != null && minutes <= 0) {
            problems.add(new Problem("form.row.number", row.number(), "Minutes", minutes));
        }
        if (no != null && !numbers.add(no)) {
            problems.add(new Problem("golive.plan.duplicate", row.number(), no));
        }
        List<Integer> deps = new ArrayList<>();
        for (String dep : CutoverPlanRepository.split(row.text("dependsOn"))) {
            try {
                deps.add(Integer.valueOf(dep));
            } catch (NumberFormatException e) {
                problems.add(new Problem("form.row.number", row.number(), "After steps", dep));
            }
        }
        if (no != null && title != null && owner != null && minutes != null) {
            return Optional.of(new Runbook.Step(no, title, owner, minutes, deps));
        }
        return Optional.empty();
    }

    private static Integer integer(FormRow row, String key, String label, List<Problem> problems) {
        try {
            Integer value = row.integer(key);
            if (value == null) {
                problems.add(new Problem("form.row.required", row.number(), label));
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new Problem("form.row.number", row.number(), label, row.text(key)));
            return null;
        }
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null ? null : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
