package io.rollout.migration;

import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a dataset definition before it is stored (REST {@code PUT /api/projects/{code}/datasets/{dataset}}
 * and the form {@code defineDataset} of {@code UserTask_DefineDataset}): columns named once, key and
 * reconciliation columns among them, a threshold from 0 to 100, an owning department of the project,
 * and every rule complete for its kind (known columns, patterns and date formats that compile,
 * min not above max, values where the kind needs them, a referenced dataset of the same project).
 * Rule problems name the rule's number (1-based). {@link #read} first takes a definition from the form's cells.
 * Plain rule: no engine, no Spring.
 */
final class DefinitionRules {

    /** The form's kind for a unique rule that compares normalised values (the API's normalised flag). */
    static final String UNIQUE_NORMALISED = "unique-normalised";

    /**
     * What the form {@code defineDataset} submitted: columns one per line (or comma-separated), key and
     * reconciliation columns comma-separated, the threshold as submitted, the department, and the grid's rule rows.
     */
    record Form(
            String dataset,
            String columns,
            String keyColumns,
            String reconcileColumns,
            Object rejectThreshold,
            String department,
            List<FormRow> rules) {}

    /** A definition read from the form, or the problems of cells that are no numbers ({@link #check} does the rest). */
    record Read(DatasetDefinition definition, List<Problem> problems) {}

    private DefinitionRules() {}

    /** Reads a definition from the form's cells; the numbers (threshold, min, max) must be numbers. */
    static Read read(Form form) {
        List<Problem> problems = new ArrayList<>();
        List<CleansingRule> rules = new ArrayList<>();
        for (FormRow row : form.rules()) {
            if (!row.isBlank()) {
                rules.add(rule(row, problems));
            }
        }
        Integer rejectThreshold = null;
        Object threshold = form.rejectThreshold();
        if (FormInput.text(threshold) != null) {
            try {
                rejectThreshold = new BigDecimal(threshold.toString().trim()).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add(Problem.of("migration.definition.threshold", threshold.toString()));
            }
        }
        String columns = form.columns();
        DatasetDefinition definition = new DatasetDefinition(
                form.dataset(),
                columns == null
                        ? List.of()
                        : Arrays.stream(columns.split("[\\n,，]"))
                                .map(String::strip)
                                .filter(c -> !c.isEmpty())
                                .toList(),
                list(form.keyColumns()),
                list(form.reconcileColumns()),
                rejectThreshold,
                form.department(),
                rules);
        return new Read(definition, List.copyOf(problems));
    }

    private static CleansingRule rule(FormRow row, List<Problem> problems) {
        String values = row.text("values");
        String kind = row.text("kind");
        boolean normalised = row.bool("normalised") || UNIQUE_NORMALISED.equals(kind);
        // the grid names a referenced column in one cell, dataset.column; a REST client may send both cells
        String refDataset = row.text("refDataset");
        String refColumn = row.text("refColumn");
        String reference = row.text("reference");
        if (refDataset == null && reference != null) {
            int dot = reference.indexOf('.');
            refDataset = dot < 0 ? reference : reference.substring(0, dot).strip();
            refColumn = dot < 0 ? null : FormInput.text(reference.substring(dot + 1));
        }
        return new CleansingRule(
                UNIQUE_NORMALISED.equals(kind) ? CleansingRule.UNIQUE : kind,
                row.text("column"),
                row.text("pattern"),
                values == null ? List.of() : list(values),
                decimal(row, "min", problems),
                decimal(row, "max", problems),
                refDataset,
                refColumn,
                normalised);
    }

    private static BigDecimal decimal(FormRow row, String key, List<Problem> problems) {
        String text = row.text(key);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(Problem.of("migration.definition.rule.number", String.valueOf(row.number()), text));
            return null;
        }
    }

    private static List<String> list(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("[,，]"))
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .toList();
    }

    static List<Problem> check(DatasetDefinition d, List<String> projectDepartments, List<String> projectDatasets) {
        List<Problem> problems = new ArrayList<>();
        if (d.columns().isEmpty()) {
            problems.add(Problem.of("migration.definition.columnsRequired"));
        }
        Set<String> columns = new HashSet<>();
        for (String column : d.columns()) {
            if (column == null || column.isBlank()) {
                problems.add(Problem.of("migration.definition.columnBlank"));
            } else if (!columns.add(Normalise.header(column))) {
                problems.add(Problem.of("migration.definition.columnTwice", column));
            }
        }
        for (String key : d.keyColumns()) {
            unknownColumn(key, columns, "migration.definition.keyColumn", problems);
        }
        for (String sum : d.reconcileColumns()) {
            unknownColumn(sum, columns, "migration.definition.reconcileColumn", problems);
        }
        if (d.rejectThreshold() != null && (d.rejectThreshold() < 0 || d.rejectThreshold() > 100)) {
            problems.add(Problem.of("migration.definition.threshold", String.valueOf(d.rejectThreshold())));
        }
        if (d.department() == null || !projectDepartments.contains(d.department())) {
            problems.add(Problem.of(
                    "migration.definition.department",
                    String.valueOf(d.department()),
                    String.join(", ", projectDepartments)));
        }
        for (int i = 0; i < d.rules().size(); i++) {
            rule(i + 1, d.rules().get(i), d, columns, projectDatasets, problems);
        }
        return problems;
    }

    private static void rule(
            int n,
            CleansingRule rule,
            DatasetDefinition d,
            Set<String> columns,
            List<String> projectDatasets,
            List<Problem> problems) {
        String number = String.valueOf(n);
        if (rule.kind() == null || !CleansingRule.KINDS.contains(rule.kind())) {
            problems.add(Problem.of(
                    "migration.definition.rule.kind",
                    number,
                    String.valueOf(rule.kind()),
                    String.join(", ", CleansingRule.KINDS)));
            return;
        }
        List<String> ruleColumns = rule.columns();
        if (CleansingRule.UNIQUE.equals(rule.kind())) {
            if (ruleColumns.isEmpty() && d.keyColumns().isEmpty()) {
                problems.add(Problem.of("migration.definition.rule.column", number, rule.kind()));
            }
        } else if (ruleColumns.size() != 1) {
            problems.add(Problem.of("migration.definition.rule.column", number, rule.kind()));
            return;
        }
        for (String column : ruleColumns) {
            if (!columns.contains(Normalise.header(column))) {
                problems.add(Problem.of("migration.definition.rule.unknownColumn", number, column));
            }
        }
        kind(number, rule, d, projectDatasets, problems);
    }

    /** What each kind needs beyond its columns: a pattern, date formats, a range, values, a referenced dataset. */
    private static void kind(
            String number,
            CleansingRule rule,
            DatasetDefinition d,
            List<String> projectDatasets,
            List<Problem> problems) {
        switch (rule.kind()) {
            case CleansingRule.PATTERN -> regex(number, rule.pattern(), problems);
            case CleansingRule.CODE ->
                regex(
                        number,
                        rule.pattern() == null ? null : rule.pattern().replace(CleansingRule.CATEGORY, "X"),
                        problems);
            case CleansingRule.DATE -> dateFormats(number, rule, problems);
            case CleansingRule.NUMBER -> {
                if (rule.min() != null && rule.max() != null && rule.min().compareTo(rule.max()) > 0) {
                    problems.add(Problem.of(
                            "migration.definition.rule.range",
                            number,
                            rule.min().toPlainString(),
                            rule.max().toPlainString()));
                }
            }
            case CleansingRule.ALLOWED -> {
                if (rule.values().isEmpty()) {
                    problems.add(Problem.of("migration.definition.rule.values", number, rule.kind()));
                }
            }
            case CleansingRule.REFERENCE -> {
                if (rule.dataset() == null
                        || !projectDatasets.contains(rule.dataset())
                        || rule.dataset().equals(d.dataset())) {
                    problems.add(
                            Problem.of("migration.definition.rule.dataset", number, String.valueOf(rule.dataset())));
                }
                if (rule.refColumn() == null || rule.refColumn().isBlank()) {
                    problems.add(Problem.of("migration.definition.rule.refColumn", number));
                }
            }
            default -> {}
        }
    }

    private static void dateFormats(String number, CleansingRule rule, List<Problem> problems) {
        if (rule.values().isEmpty()) {
            problems.add(Problem.of("migration.definition.rule.values", number, rule.kind()));
        }
        for (String format : rule.values()) {
            try {
                DateTimeFormatter.ofPattern(format);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of("migration.definition.rule.dateFormat", number, format));
            }
        }
    }

    private static void regex(String number, String pattern, List<Problem> problems) {
        if (pattern == null || pattern.isBlank()) {
            problems.add(Problem.of("migration.definition.rule.pattern", number, "-"));
            return;
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            problems.add(Problem.of("migration.definition.rule.pattern", number, pattern));
            return;
        }
        // the dry run matches with RE2/J (see Patterns): back-references and look-arounds have no linear-time match,
        // and repetitions that expand too far make every value slow, so such a definition is refused here
        String problem = Patterns.problem(pattern);
        if (problem != null) {
            problems.add(Problem.of(problem, number, pattern, Patterns.MAX_SIZE));
        }
    }

    private static void unknownColumn(String column, Set<String> columns, String code, List<Problem> problems) {
        if (column == null || !columns.contains(Normalise.header(column))) {
            problems.add(Problem.of(code, String.valueOf(column)));
        }
    }
}
