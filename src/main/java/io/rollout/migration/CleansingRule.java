package io.rollout.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * One cleansing rule of a dataset, kept as data (table {@code migration_rule}, JSON in
 * {@code /api/projects/{code}/datasets/{dataset}}, rows of the form {@code defineDataset}) so the data
 * steward changes rules without a release. What the fields mean depends on {@code kind}:
 * <ul>
 * <li>{@code required}: {@code column} must not be blank.</li>
 * <li>{@code pattern}: a non-blank {@code column} matches the regular expression {@code pattern}.</li>
 * <li>{@code date}: a non-blank {@code column} is a date in one of the {@code values} formats
 *     (e.g. {@code yyyy/M/d}); it is loaded as an ISO date.</li>
 * <li>{@code number}: a non-blank {@code column} is a number (thousands separators allowed) from
 *     {@code min} to {@code max} (each optional).</li>
 * <li>{@code allowed}: a non-blank {@code column} is one of {@code values}.</li>
 * <li>{@code unique}: the key {@code column} (several columns separated by commas; empty = the
 *     dataset's key columns) occurs once; {@code normalised} compares trimmed, half-width, lower-case
 *     values, so {@code C００００８} duplicates {@code C00008}.</li>
 * <li>{@code reference}: a non-blank {@code column} exists in {@code refColumn} of {@code dataset}'s
 *     latest signed-off round in the same project.</li>
 * <li>{@code code}: a master-data coding standard: {@code column} matches {@code pattern}, where
 *     {@code {category}} stands for one of the category codes in {@code values}, e.g.
 *     {@code {category}-\d{2}-\d{4}} with {@code FG, SF, RM, PK}, or {@code C\d{5}} without categories.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record CleansingRule(
        String kind,
        String column,
        String pattern,
        List<String> values,
        BigDecimal min,
        BigDecimal max,
        String dataset,
        String refColumn,
        boolean normalised) {

    static final String REQUIRED = "required";
    static final String PATTERN = "pattern";
    static final String DATE = "date";
    static final String NUMBER = "number";
    static final String ALLOWED = "allowed";
    static final String UNIQUE = "unique";
    static final String REFERENCE = "reference";
    static final String CODE = "code";
    static final List<String> KINDS = List.of(REQUIRED, PATTERN, DATE, NUMBER, ALLOWED, UNIQUE, REFERENCE, CODE);

    /** The placeholder of a coding standard for the category code. */
    static final String CATEGORY = "{category}";

    CleansingRule {
        values = values == null ? List.of() : List.copyOf(values);
    }

    static CleansingRule required(String column) {
        return new CleansingRule(REQUIRED, column, null, null, null, null, null, null, false);
    }

    static CleansingRule pattern(String column, String regex) {
        return new CleansingRule(PATTERN, column, regex, null, null, null, null, null, false);
    }

    static CleansingRule date(String column, String... formats) {
        return new CleansingRule(DATE, column, null, List.of(formats), null, null, null, null, false);
    }

    static CleansingRule number(String column, BigDecimal min, BigDecimal max) {
        return new CleansingRule(NUMBER, column, null, null, min, max, null, null, false);
    }

    static CleansingRule allowed(String column, String... values) {
        return new CleansingRule(ALLOWED, column, null, List.of(values), null, null, null, null, false);
    }

    static CleansingRule unique(String columns, boolean normalised) {
        return new CleansingRule(UNIQUE, columns, null, null, null, null, null, null, normalised);
    }

    static CleansingRule reference(String column, String dataset, String refColumn) {
        return new CleansingRule(REFERENCE, column, null, null, null, null, dataset, refColumn, false);
    }

    static CleansingRule code(String column, String standard, String... categories) {
        return new CleansingRule(CODE, column, standard, List.of(categories), null, null, null, null, false);
    }

    /** The columns a rule reads: one, or for {@code unique} the comma-separated list. */
    List<String> columns() {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(column.split("[,，]"))
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .toList();
    }

    /** Short name of the rule in reports and reject counts, e.g. {@code pattern 电话}. */
    String label() {
        return kind + " " + (column == null ? "" : column.strip());
    }
}
