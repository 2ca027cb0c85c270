package io.rollout.build;

import io.rollout.shared.Checked;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What {@code UserTask_PlanIteration} of {@code buildPhase} must record before a module's iteration
 * starts: a goal; the department that owns the module (a known department with at least one business
 * owner, who will accept the module); the scope, i.e. at least one requirement of that department;
 * planned start and end dates, end not before start; and whether the iteration plans customisations.
 * Plain rule: no engine, no Spring.
 */
final class IterationPlanRules {

    /** A checked iteration plan. */
    record IterationPlan(
            String goal,
            String department,
            List<String> scope,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            boolean customisationsPlanned) {}

    /**
     * What the plan is checked against.
     *
     * @param requirementDepartments the department of every requirement of the project, by requirement id
     * @param departments            the departments a module may belong to
     * @param hasOwner               whether a department has a business owner
     */
    record Context(Map<String, String> requirementDepartments, List<String> departments, Predicate<String> hasOwner) {}

    /** The form's values as submitted; dates as ISO text. */
    record Input(
            String goal,
            String department,
            List<String> scope,
            String plannedStart,
            String plannedEnd,
            Boolean customisationsPlanned) {}

    private IterationPlanRules() {}

    static Checked<IterationPlan> plan(Input in, Context context) {
        List<Problem> problems = new ArrayList<>();
        BuildRules.requiredField(in.goal(), "build.field.iterationGoal", problems);
        department(in.department(), context, problems);
        List<String> scope = new ArrayList<>(new LinkedHashSet<>(in.scope()));
        if (scope.isEmpty()) {
            problems.add(new Problem("build.plan.scopeEmpty"));
        }
        for (String id : scope) {
            String department = context.requirementDepartments().get(id);
            if (department == null) {
                problems.add(new Problem("build.plan.scopeUnknown", id));
            } else if (in.department() != null && !department.equals(in.department())) {
                problems.add(new Problem("build.plan.scopeOtherDepartment", id, department, in.department()));
            }
        }
        LocalDate start = date(in.plannedStart(), "build.field.plannedStart", problems);
        LocalDate end = date(in.plannedEnd(), "build.field.plannedEnd", problems);
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(new Problem("build.plan.datesOrder", end, start));
        }
        if (in.customisationsPlanned() == null) {
            problems.add(new Problem("form.field.required", new Label("build.field.customisationsPlanned")));
        }
        return Checked.of(
                new IterationPlan(
                        in.goal(),
                        in.department(),
                        List.copyOf(scope),
                        start,
                        end,
                        Boolean.TRUE.equals(in.customisationsPlanned())),
                problems);
    }

    private static void department(String department, Context context, List<Problem> problems) {
        if (department == null) {
            problems.add(new Problem("form.field.required", new Label("build.field.department")));
        } else if (!context.departments().contains(department)) {
            problems.add(new Problem(
                    "form.field.choice",
                    new Label("build.field.department"),
                    String.join(", ", context.departments()),
                    department));
        } else if (!context.hasOwner().test(department)) {
            problems.add(new Problem("build.plan.noOwner", department));
        }
    }

    static LocalDate date(String text, String label, List<Problem> problems) {
        if (text == null) {
            problems.add(new Problem("form.field.required", new Label(label)));
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            problems.add(new Problem("build.date.invalid", new Label(label), text));
            return null;
        }
    }
}
