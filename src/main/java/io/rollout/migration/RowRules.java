package io.rollout.migration;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.rollout.shared.Problem;
import java.math.BigDecimal;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The cleansing rules of a dataset compiled against the header of one extract, applied row by row
 * in a dry run. The header must have exactly the dataset's columns (in any order). Every value is
 * stripped of surrounding white space; dates become ISO dates and numbers plain numbers; then every
 * rule that fails adds a violation, so a rejected row names all its faults at once. Uniqueness is
 * checked last, on the cleaned values, and remembers each key's first row. The data steward's patterns
 * ({@code pattern}, {@code code}) run on RE2/J, in time linear in the value: a pattern such as {@code (a+)+$}
 * cannot stall a dry run on a long value as backtracking would. Plain rule: no engine,
 * no Spring; one instance per dry run (it holds the keys seen).
 */
final class RowRules {

    /** A rule the row breaks: the rule's label ({@code pattern 电话}) and the reason. */
    record Violation(String rule, Problem problem) {}

    /** The row's key already occurred in {@code firstRow}. */
    record Duplicate(String key, long firstRow) {}

    /**
     * A checked row.
     *
     * @param values     cleaned values in the dataset's column order
     * @param violations the broken rules, empty when the row is accepted
     * @param duplicate  set when a uniqueness rule found an earlier row with the same key
     */
    record Outcome(String[] values, List<Violation> violations, Duplicate duplicate) {

        boolean accepted() {
            return violations.isEmpty();
        }
    }

    private interface Check {
        void apply(String[] values, long row, List<Violation> out, Duplicate[] duplicate);
    }

    private final List<String> columns;
    private final int[] sourceIndex;
    private final List<Check> checks = new ArrayList<>();
    private final List<Check> uniqueness = new ArrayList<>();

    /**
     * @param references values of another dataset's column in its latest signed-off round:
     *                   {@code (dataset, column) -> contains(value)}
     */
    RowRules(
            DatasetDefinition definition,
            List<String> header,
            BiFunction<String, String, Predicate<String>> references) {
        this.columns = definition.columns();
        this.sourceIndex = mapHeader(definition.columns(), header);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(Normalise.header(columns.get(i)), i);
        }
        for (CleansingRule rule : definition.rules()) {
            if (CleansingRule.UNIQUE.equals(rule.kind())) {
                List<String> keyColumns = rule.columns().isEmpty() ? definition.keyColumns() : rule.columns();
                uniqueness.add(unique(
                        rule,
                        keyColumns,
                        keyColumns.stream().mapToInt(c -> column(index, c)).toArray()));
            } else {
                checks.add(compile(rule, column(index, rule.column()), references));
            }
        }
    }

    /** The dataset's columns, the order of {@link Outcome#values()}. */
    List<String> columns() {
        return columns;
    }

    /** The value of each dataset column in a source row, by the header's order. */
    String[] select(String[] source) {
        String[] values = new String[sourceIndex.length];
        for (int i = 0; i < sourceIndex.length; i++) {
            values[i] = source[sourceIndex[i]];
        }
        return values;
    }

    /** Applies every rule to a source row. */
    Outcome check(long row, String[] source) {
        String[] values = select(source);
        for (int i = 0; i < values.length; i++) {
            values[i] = Normalise.strip(values[i]);
        }
        List<Violation> violations = new ArrayList<>(0);
        Duplicate[] duplicate = new Duplicate[1];
        for (Check check : checks) {
            check.apply(values, row, violations, duplicate);
        }
        for (Check check : uniqueness) {
            check.apply(values, row, violations, duplicate);
        }
        return new Outcome(values, violations, duplicate[0]);
    }

    /** A value as a number: white space, thousands separators and full-width digits allowed; null if none. */
    static BigDecimal number(String raw) {
        if (raw == null) {
            return null;
        }
        String text = Normalise.strip(raw);
        if (text.isEmpty()) {
            return null;
        }
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                plain.append((char) (c - '０' + '0'));
            } else if (c == '．') {
                plain.append('.');
            } else if (c == '－') {
                plain.append('-');
            } else if (c != ',' && c != '，' && c != ' ') {
                plain.append(c);
            }
        }
        if (plain.isEmpty() || plain.length() > 40) {
            return null;
        }
        char first = plain.charAt(0);
        if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
            return null;
        }
        try {
            return new BigDecimal(plain.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int[] mapHeader(List<String> expected, List<String> header) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = Normalise.header(header.get(i));
            if (positions.putIfAbsent(name, i) != null) {
                duplicates.add(name);
            }
        }
        if (!duplicates.isEmpty()) {
            throw new ExtractException("migration.extract.duplicateColumns", String.join(", ", duplicates));
        }
        Set<String> wanted = expected.stream().map(Normalise::header).collect(Collectors.toCollection(HashSet::new));
        List<String> missing = expected.stream()
                .filter(c -> !positions.containsKey(Normalise.header(c)))
                .toList();
        List<String> unknown =
                positions.keySet().stream().filter(c -> !wanted.contains(c)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new ExtractException(
                    "migration.extract.header",
                    missing.isEmpty() ? "-" : String.join(", ", missing),
                    unknown.isEmpty() ? "-" : String.join(", ", unknown),
                    String.join(", ", expected));
        }
        return expected.stream()
                .mapToInt(c -> positions.get(Normalise.header(c)))
                .toArray();
    }

    private static int column(Map<String, Integer> index, String column) {
        Integer i = column == null ? null : index.get(Normalise.header(column));
        if (i == null) {
            // definitions are checked when they are saved (DefinitionRules); this guards stored data
            throw new IllegalStateException("rule column " + column + " is not a column of the dataset");
        }
        return i;
    }

    private Check compile(CleansingRule rule, int i, BiFunction<String, String, Predicate<String>> references) {
        String label = rule.label();
        String column = columns.get(i);
        return switch (rule.kind()) {
            case CleansingRule.REQUIRED -> required(i, column, label);
            case CleansingRule.PATTERN -> pattern(rule, i, column, label);
            case CleansingRule.DATE -> date(rule, i, column, label);
            case CleansingRule.NUMBER -> number(rule, i, column, label);
            case CleansingRule.ALLOWED -> allowed(rule, i, column, label);
            case CleansingRule.REFERENCE ->
                reference(rule, i, column, label, references.apply(rule.dataset(), rule.refColumn()));
            case CleansingRule.CODE -> code(rule, i, column, label);
            default -> throw new IllegalStateException("unknown rule kind " + rule.kind());
        };
    }

    private static Check required(int i, String column, String label) {
        return (v, row, out, d) -> {
            if (v[i].isEmpty()) {
                out.add(new Violation(label, Problem.of("migration.rule.required", column)));
            }
        };
    }

    private static Check pattern(CleansingRule rule, int i, String column, String label) {
        Matcher matcher = Patterns.compile(rule.pattern(), column).matcher("");
        return (v, row, out, d) -> {
            if (!v[i].isEmpty() && !matcher.reset(v[i]).matches()) {
                out.add(new Violation(label, Problem.of("migration.rule.pattern", column, v[i], rule.pattern())));
            }
        };
    }

    /** A date in one of the rule's formats (strict: no 30 February), stored as an ISO date. */
    private static Check date(CleansingRule rule, int i, String column, String label) {
        List<DateTimeFormatter> formats = rule.values().stream()
                .map(f -> DateTimeFormatter.ofPattern(f.replace("yyyy", "uuuu").replace("yy", "uu"))
                        .withResolverStyle(ResolverStyle.STRICT))
                .toList();
        String shown = String.join(", ", rule.values());
        return (v, row, out, d) -> {
            if (!v[i].isEmpty()) {
                LocalDate date = date(v[i], formats);
                if (date == null) {
                    out.add(new Violation(label, Problem.of("migration.rule.date", column, v[i], shown)));
                } else {
                    v[i] = date.toString();
                }
            }
        };
    }

    /** A number within the rule's bounds, stored as a plain number. */
    private static Check number(CleansingRule rule, int i, String column, String label) {
        return (v, row, out, d) -> {
            if (v[i].isEmpty()) {
                return;
            }
            BigDecimal number = number(v[i]);
            if (number == null) {
                out.add(new Violation(label, Problem.of("migration.rule.number", column, v[i])));
            } else if (rule.min() != null && number.compareTo(rule.min()) < 0) {
                out.add(new Violation(
                        label,
                        Problem.of(
                                "migration.rule.min", column, v[i], rule.min().toPlainString())));
            } else if (rule.max() != null && number.compareTo(rule.max()) > 0) {
                out.add(new Violation(
                        label,
                        Problem.of(
                                "migration.rule.max", column, v[i], rule.max().toPlainString())));
            } else {
                v[i] = number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
            }
        };
    }

    private static Check allowed(CleansingRule rule, int i, String column, String label) {
        Set<String> allowed = Set.copyOf(rule.values());
        String shown = String.join(", ", rule.values());
        return (v, row, out, d) -> {
            if (!v[i].isEmpty() && !allowed.contains(v[i])) {
                out.add(new Violation(label, Problem.of("migration.rule.allowed", column, v[i], shown)));
            }
        };
    }

    /** A value of another dataset's column ({@code known}: its latest signed-off round). */
    private static Check reference(CleansingRule rule, int i, String column, String label, Predicate<String> known) {
        return (v, row, out, d) -> {
            if (!v[i].isEmpty() && !known.test(v[i])) {
                out.add(new Violation(
                        label, Problem.of("migration.rule.reference", column, v[i], rule.dataset(), rule.refColumn())));
            }
        };
    }

    private static Check code(CleansingRule rule, int i, String column, String label) {
        String standard = rule.pattern();
        if (!standard.contains(CleansingRule.CATEGORY) || rule.values().isEmpty()) {
            Matcher matcher = Patterns.compile(standard.replace(CleansingRule.CATEGORY, "[A-Za-z0-9]+"), column)
                    .matcher("");
            return (v, row, out, d) -> {
                if (!v[i].isEmpty() && !matcher.reset(v[i]).matches()) {
                    out.add(new Violation(label, Problem.of("migration.rule.code", column, v[i], standard)));
                }
            };
        }
        String categories = rule.values().stream().map(Pattern::quote).collect(Collectors.joining("|"));
        Matcher full = Patterns.compile(standard.replace(CleansingRule.CATEGORY, "(?:" + categories + ")"), column)
                .matcher("");
        Matcher shape = Patterns.compile(standard.replace(CleansingRule.CATEGORY, "([^\\s]+?)"), column)
                .matcher("");
        String allowed = String.join(", ", rule.values());
        return (v, row, out, d) -> {
            if (v[i].isEmpty() || full.reset(v[i]).matches()) {
                return;
            }
            if (shape.reset(v[i]).matches()) {
                out.add(new Violation(
                        label, Problem.of("migration.rule.codeCategory", column, v[i], shape.group(1), allowed)));
            } else {
                out.add(new Violation(label, Problem.of("migration.rule.code", column, v[i], standard)));
            }
        };
    }

    private static Check unique(CleansingRule rule, List<String> keyColumns, int[] key) {
        KeyIndex seen = new KeyIndex();
        String label = CleansingRule.UNIQUE + " " + String.join(", ", keyColumns);
        String names = String.join(", ", keyColumns);
        boolean normalised = rule.normalised();
        return (v, row, out, d) -> {
            StringBuilder text = new StringBuilder();
            boolean blank = true;
            for (int k = 0; k < key.length; k++) {
                if (k > 0) {
                    text.append('\u0001');
                }
                String value = v[key[k]];
                blank &= value.isEmpty();
                text.append(normalised ? Normalise.forComparison(value) : value);
            }
            if (blank) {
                return;
            }
            long first = seen.putIfAbsent(text, row);
            if (first >= 0) {
                String shown = text.toString().replace('\u0001', '|');
                out.add(new Violation(
                        label,
                        Problem.of(
                                normalised ? "migration.rule.duplicateNormalised" : "migration.rule.duplicate",
                                names,
                                shown,
                                String.valueOf(first))));
                if (d[0] == null) {
                    d[0] = new Duplicate(shown, first);
                }
            }
        };
    }

    private static LocalDate date(String value, List<DateTimeFormatter> formats) {
        for (DateTimeFormatter format : formats) {
            // a format that does not fit is the common case: find it without an exception
            ParsePosition position = new ParsePosition(0);
            if (format.parseUnresolved(value, position) == null
                    || position.getErrorIndex() >= 0
                    || position.getIndex() != value.length()) {
                continue;
            }
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException e) {
                // fits the format but is no date, e.g. 2019-02-30
            }
        }
        return null;
    }
}
