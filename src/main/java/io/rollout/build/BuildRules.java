package io.rollout.build;

import io.rollout.shared.Checked;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What one build iteration of a module must record ({@code SubProcess_ModuleBuild} in {@code buildPhase}):
 * typed configuration items from {@code UserTask_ConfigureModule}, each linked to a requirement of the
 * project; customisation proposals from {@code UserTask_ProposeCustomisations} (kind, description, a
 * justification because over-customisation is an upgrade risk, whole effort days from 1 to 999, the
 * requirement served); what {@code UserTask_DemoModule} showed; and from {@code UserTask_AcceptModule} a
 * yes/no with a comment when the module is not accepted. Plain rule: no engine, no Spring.
 */
final class BuildRules {

    static final String FIELD_MAPPING = "field-mapping";
    static final String PERMISSION = "permission";
    static final String APPROVAL_FLOW = "approval-flow";
    static final String OTHER = "other";
    static final List<String> ITEM_TYPES = List.of(FIELD_MAPPING, PERMISSION, APPROVAL_FLOW, OTHER);
    static final List<String> CUSTOMISATION_KINDS = List.of("plugin", "script", "interface", "report");
    static final int MAX_EFFORT_DAYS = 999;

    // the cells each type of configuration item needs, besides the requirement id
    private static final Map<String, List<String>> ITEM_CELLS = Map.of(
            FIELD_MAPPING, List.of("sourceField", "targetField"),
            PERMISSION, List.of("role", "function"),
            APPROVAL_FLOW, List.of("documentType", "steps"),
            OTHER, List.of("description"));

    /**
     * One configuration item; which cells are filled depends on the type (field mapping: source and
     * target field; permission: role and function; approval flow: document type and steps; other: the
     * description, which the other types may carry as a note).
     */
    record ConfigurationItem(
            String type,
            String requirementId,
            String sourceField,
            String targetField,
            String role,
            String function,
            String documentType,
            String steps,
            String description) {}

    /** A proposed customisation. */
    record Customisation(String kind, String description, String justification, int effortDays, String requirementId) {}

    /** What a demo (show-and-tell) of an iteration showed, to whom, and what they said. */
    record Demo(String shown, String attendees, String feedback) {}

    private BuildRules() {}

    /**
     * Checks the configuration items of an iteration; blank rows are ignored. An iteration that plans
     * customisations may configure nothing, any other needs at least one item.
     */
    static Checked<List<ConfigurationItem>> configuration(
            List<FormRow> rows, boolean customisationsPlanned, Predicate<String> knownRequirement) {
        List<Problem> problems = new ArrayList<>();
        List<ConfigurationItem> items = new ArrayList<>();
        for (FormRow submitted : rows) {
            if (submitted.isBlank()) {
                continue;
            }
            FormRow row = typedCells(submitted);
            int before = problems.size();
            String type = choice(row, "type", "build.field.itemType", ITEM_TYPES, problems);
            for (String cell :
                    type == null || !ITEM_CELLS.containsKey(type) ? List.<String>of() : ITEM_CELLS.get(type)) {
                required(row, cell, "build.field." + cell, problems);
            }
            String requirementId = requirement(row, knownRequirement, problems);
            if (problems.size() == before) {
                items.add(new ConfigurationItem(
                        type,
                        requirementId,
                        row.text("sourceField"),
                        row.text("targetField"),
                        row.text("role"),
                        row.text("function"),
                        row.text("documentType"),
                        row.text("steps"),
                        row.text("description")));
            }
        }
        if (!customisationsPlanned && rows.stream().allMatch(FormRow::isBlank)) {
            problems.add(new Problem("build.configuration.none"));
        }
        return Checked.of(List.copyOf(items), problems);
    }

    /**
     * A configuration item row as the compact grid of {@code configureModule} submits it — the same two cells
     * {@code subject} (source field, role or document type) and {@code detail} (target field, function or steps) for
     * every type — with those cells under the names of the item's type; a row that already names them (REST) keeps
     * its own. An item of type other is described by its {@code description}, else by its subject.
     */
    static FormRow typedCells(FormRow row) {
        String type = row.text("type");
        List<String> cells = type == null
                ? null
                : switch (type) {
                    case FIELD_MAPPING -> ITEM_CELLS.get(FIELD_MAPPING);
                    case PERMISSION -> ITEM_CELLS.get(PERMISSION);
                    case APPROVAL_FLOW -> ITEM_CELLS.get(APPROVAL_FLOW);
                    case OTHER -> List.of("description", "detail");
                    default -> null;
                };
        if (cells == null) {
            return row;
        }
        Map<String, Object> values = new LinkedHashMap<>(row.values());
        if (row.text(cells.get(0)) == null && row.text("subject") != null) {
            values.put(cells.get(0), row.text("subject"));
        }
        if (row.text(cells.get(1)) == null && row.text("detail") != null) {
            values.put(cells.get(1), row.text("detail"));
        }
        return new FormRow(row.number(), values);
    }

    /** Checks proposed customisations; none at all is fine (the standard version is enough after all). */
    static Checked<List<Customisation>> customisations(List<FormRow> rows, Predicate<String> knownRequirement) {
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
        return Checked.of(List.copyOf(items), problems);
    }

    /** Checks what a demo recorded: what was shown, who attended, their feedback, all required. */
    static Checked<Demo> demo(String shown, String attendees, String feedback) {
        List<Problem> problems = new ArrayList<>();
        requiredField(shown, "build.field.demoShown", problems);
        requiredField(attendees, "build.field.demoAttendees", problems);
        requiredField(feedback, "build.field.demoFeedback", problems);
        return Checked.of(new Demo(shown, attendees, feedback), problems);
    }

    /**
     * What the demo form submitted: the attendees chosen from the offered people (their ids), other attendees named
     * in free text, what was shown and the feedback.
     */
    record DemoInput(String shown, List<String> chosen, String otherAttendees, String feedback) {}

    /**
     * Checks a demo as submitted: every chosen attendee is one of the offered people ({@code offered}, the key
     * users and business owners of the module's owning department, shown as {@code department}); the attendees
     * are stored by name ({@code displayName}), the others after them; then {@link #demo(String, String, String)}.
     */
    static Checked<Demo> demo(
            DemoInput in, Set<String> offered, Function<String, String> displayName, String department) {
        List<Problem> problems = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (String id : in.chosen()) {
            if (offered.contains(id)) {
                present.add(displayName.apply(id));
            } else {
                problems.add(new Problem("build.demo.notAttendee", id, department));
            }
        }
        if (in.otherAttendees() != null) {
            present.add(in.otherAttendees());
        }
        Checked<Demo> demo = demo(in.shown(), present.isEmpty() ? null : String.join(", ", present), in.feedback());
        problems.addAll(demo.problems());
        return Checked.of(demo.value(), problems);
    }

    /** Checks an acceptance decision; the value is whether the module is accepted. */
    static Checked<Boolean> acceptance(Boolean accepted, String comment) {
        if (accepted == null) {
            return Checked.of(
                    null, List.of(new Problem("form.field.required", new Label("build.field.moduleAccepted"))));
        }
        if (!accepted && comment == null) {
            return Checked.of(null, List.of(new Problem("build.acceptance.commentRequired")));
        }
        return Checked.of(accepted, List.of());
    }

    static void requiredField(String value, String label, List<Problem> problems) {
        if (value == null) {
            problems.add(new Problem("form.field.required", new Label(label)));
        }
    }

    static String required(FormRow row, String key, String label, List<Problem> problems) {
        String value = row.text(key);
        if (value == null) {
            problems.add(new Problem("form.row.required", row.number(), new Label(label)));
        }
        return value;
    }

    static String choice(FormRow row, String key, String label, List<String> allowed, List<Problem> problems) {
        String value = required(row, key, label, problems);
        if (value != null && !allowed.contains(value)) {
            problems.add(
                    new Problem("form.row.choice", row.number(), new Label(label), String.join(", ", allowed), value));
            return null;
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
        String id = required(row, "requirementId", "build.field.requirementId", problems);
        if (id != null && !knownRequirement.test(id)) {
            problems.add(new Problem("build.requirement.unknown", row.number(), id));
        }
        return id;
    }
}
