package io.rollout.requirements;

import io.rollout.shared.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The allowed values of a requirement's fields and the checks every requirement row passes, whether it
 * comes from a form ({@code requirementCapture}) or a CSV file ({@code RequirementImport}). Plain class.
 */
final class RequirementFields {

    static final String MUST = "must";
    static final List<String> PRIORITIES = List.of(MUST, "should", "could");
    static final String NOT_COVERED = "not-covered";
    static final List<String> SOLUTION_MATCHES = List.of("standard", "configuration", "customisation", NOT_COVERED);

    static final Pattern REQ_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");

    /** The three letters of generated requirement ids per department, e.g. REQ-PUR-001. */
    static final Map<String, String> ID_PREFIX = Map.of(
            "procurement",
            "PUR",
            "warehouse",
            "INV",
            "production",
            "PRD",
            "finance",
            "FIN",
            "sales",
            "SAL",
            "quality",
            "QUA",
            "hr",
            "HR");

    /** Department names as Chinese customers write them. */
    static final Map<String, String> CHINESE_DEPARTMENTS = Map.of(
            "采购部",
            "procurement",
            "仓储部",
            "warehouse",
            "生产部",
            "production",
            "财务部",
            "finance",
            "销售部",
            "sales",
            "质量部",
            "quality",
            "人力资源部",
            "hr");

    private static final int TITLE_MAX = 300;
    private static final int TEXT_MAX = 2000;

    private RequirementFields() {}

    /**
     * The problems of one row (without its department, which the caller checks against the scope).
     *
     * @param row   the row number the user sees
     * @param label the label of a field key as the user knows it (form key or file column)
     */
    static List<Problem> check(int row, Requirement r, UnaryOperator<String> label) {
        List<Problem> problems = new ArrayList<>();
        if (r.reqId() != null && !REQ_ID.matcher(r.reqId()).matches()) {
            problems.add(Problem.of("requirements.row.idInvalid", row, r.reqId()));
        }
        if (r.title() == null) {
            problems.add(Problem.of("form.row.required", row, label.apply("title")));
        }
        if (r.priority() == null) {
            problems.add(Problem.of("form.row.required", row, label.apply("priority")));
        } else if (!PRIORITIES.contains(r.priority())) {
            problems.add(Problem.of(
                    "form.row.choice", row, label.apply("priority"), String.join("/", PRIORITIES), r.priority()));
        }
        if (r.solutionMatch() != null && !SOLUTION_MATCHES.contains(r.solutionMatch())) {
            problems.add(Problem.of(
                    "form.row.choice",
                    row,
                    label.apply("solutionMatch"),
                    String.join("/", SOLUTION_MATCHES),
                    r.solutionMatch()));
        }
        length(problems, row, label, "title", r.title(), TITLE_MAX);
        length(problems, row, label, "painPoint", r.painPoint(), TEXT_MAX);
        length(problems, row, label, "goal", r.goal(), TEXT_MAX);
        length(problems, row, label, "expectedEffect", r.expectedEffect(), TEXT_MAX);
        length(problems, row, label, "acceptanceCriterion", r.acceptanceCriterion(), TEXT_MAX);
        return problems;
    }

    /** Requirement ids are kept in capitals, so {@code req-fin-1} and {@code REQ-FIN-1} are one requirement. */
    static String reqId(String value) {
        return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    /** Lower case; common spellings of the allowed values accepted ("Must", "customization", "not covered"). */
    static String priority(String value) {
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    static String solutionMatch(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return switch (v) {
            case "customization" -> "customisation";
            case "notcovered" -> NOT_COVERED;
            default -> v;
        };
    }

    /** The department code for a name as written by users: the code itself or the Chinese name. */
    static String department(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        return CHINESE_DEPARTMENTS.getOrDefault(v, v.toLowerCase(Locale.ROOT));
    }

    /** The next free id {@code REQ-<DEPT3>-<nnn>} of a department, given the ids already taken. */
    static String nextId(String department, Iterable<String> taken) {
        String prefix = ID_PREFIX.getOrDefault(
                department, department.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT));
        prefix = "REQ-" + (prefix.length() > 3 ? prefix.substring(0, 3) : prefix) + "-";
        Pattern own = Pattern.compile(Pattern.quote(prefix) + "(\\d+)", Pattern.CASE_INSENSITIVE);
        int max = 0;
        for (String id : taken) {
            Matcher m = own.matcher(id);
            if (m.matches()) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return prefix + String.format("%03d", max + 1);
    }

    private static void length(
            List<Problem> problems, int row, UnaryOperator<String> label, String key, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(Problem.of("requirements.row.tooLong", row, label.apply(key), value.length(), max));
        }
    }
}
