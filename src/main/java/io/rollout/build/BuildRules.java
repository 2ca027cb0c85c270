package io.rollout.build;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What one build iteration of a module must record ({@code SubProcess_ModuleBuild} in {@code buildPhase}):
 * an iteration goal and at least one configuration item (type, description, optional requirement id
 * that must exist in the specification) from {@code UserTask_ConfigureModule}; for every customisation
 * from {@code UserTask_DevelopCustomisations} a kind, a description, a justification (over-customisation
 * is an upgrade risk, so none without a reason), whole effort days from 1 to 999 and an optional known
 * requirement id; and from {@code UserTask_AcceptModule} a yes/no with a comment when the module is not
 * accepted. Plain rule: no engine, no Spring.
 */
final class BuildRules {

    static final List<String> ITEM_TYPES = List.of("field-mapping", "permission", "approval-flow");
    static final List<String> CUSTOMISATION_KINDS = List.of("plugin", "script", "interface");
    static final int MAX_EFFORT_DAYS = 999;

    record ConfigurationItem(String type, String description, String requirementId) {
    }

    record Customisation(String kind, String description, String justification, int effortDays,
                         String requirementId) {
    }

    /** The checked value, or the problems that refuse the submission (then {@code value} is {@code null}). */
    record Result<T>(T value, List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }

        static <T> Result<T> of(T value, List<Problem> problems) {
            return problems.isEmpty() ? new Result<>(value, List.of()) : new Result<>(null, List.copyOf(problems));
        }
    }

    private BuildRules() {
    }

    /** Checks the configuration items and goal of an iteration; blank rows are ignored. */
    static Result<List<ConfigurationItem>> configuration(List<FormRow> rows, String goal,
                                                         Predicate<String> knownRequirement) {
        List<Problem> problems = new ArrayList<>();
        if (goal == null) {
            problems.add(new Problem("form.field.required", new Label("build.field.iterationGoal")));
        }
        List<ConfigurationItem> items = new ArrayList<>();
        for (FormRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            int before = problems.size();
            String type = choice(row, "type", "build.field.itemType", ITEM_TYPES, problems);
            String description = required(row, "description", "build.field.description", problems);
            String requirementId = requirement(row, knownRequirement, problems);
            if (problems.size() == before) {
                items.add(new ConfigurationItem(type, description, requirementId));
            }
        }
        if (rows.stream().allMatch(FormRow::isBlank)) {
            problems.add(new Problem("build.configuration.none"));
        }
        return Result.of(List.copyOf(items), problems);
    }

    /** Checks the customisations of an iteration; none at all is fine (standard version kept). */
    static Result<List<Customisation>> customisations(List<FormRow> rows, Predicate<String> knownRequirement) {
        List<Problem> problems = new ArrayList<>();
        List<Customisation> items = new ArrayList<>();
        for (FormRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            int before = problems.size();
            String kind = choice(row, "kind", "build.field.kind", CUSTOMISATION_KINDS, problems);
            String description = required(row, "description", "build.field.description", problems);
            String justification = required(row, "justification", "build.field.justification", problems);
            Integer effort = effortDays(row, problems);
            String requirementId = requirement(row, knownRequirement, problems);
            if (problems.size() == before) {
                items.add(new Customisation(kind, description, justification, effort, requirementId));
            }
        }
        return Result.of(List.copyOf(items), problems);
    }

    /** Checks an acceptance decision; the value is whether the module is accepted. */
    static Result<Boolean> acceptance(Boolean accepted, String comment) {
        if (accepted == null) {
            return Result.of(null, List.of(new Problem("form.field.required", new Label("build.field.moduleAccepted"))));
        }
        if (!accepted && comment == null) {
            return Result.of(null, List.of(new Problem("build.acceptance.commentRequired")));
        }
        return Result.of(accepted, List.of());
    }

    private static String required(FormRow row, String key, String label, List<Problem> problems) {
        String value = row.text(key);
        if (value == null) {
            problems.add(new Problem("form.row.required", row.number(), new Label(label)));
        }
        return value;
    }

    private static String choice(FormRow row, String key, String label, List<String> allowed, List<Problem> problems) {
        String value = required(row, key, label, problems);
        if (value != null && !allowed.contains(value)) {
            problems.add(new Problem("form.row.choice", row.number(), new Label(label), String.join(", ", allowed), value));
        }
        return value;
    }

    private static Integer effortDays(FormRow row, List<Problem> problems) {
        if (required(row, "effortDays", "build.field.effortDays", problems) == null) {
            return null;
        }
        try {
            int days = row.integer("effortDays");
            if (days >= 1 && days <= MAX_EFFORT_DAYS) {
                return days;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below like an out-of-range value
        }
        problems.add(new Problem("build.customisation.effort", row.number(), MAX_EFFORT_DAYS, row.text("effortDays")));
        return null;
    }

    private static String requirement(FormRow row, Predicate<String> knownRequirement, List<Problem> problems) {
        String id = row.text("requirementId");
        if (id != null && !knownRequirement.test(id)) {
            problems.add(new Problem("build.requirement.unknown", row.number(), id));
        }
        return id;
    }
}
