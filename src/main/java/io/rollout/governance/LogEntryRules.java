package io.rollout.governance;

import io.rollout.identity.ProjectPeople;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The checks of the risk and issue log, free of Spring and the engine: what a raised risk or issue must state, and
 * what assigning and resolving one needs. Every check reports all problems at once.
 */
final class LogEntryRules {

    static final String RISK = "risk";
    static final String ISSUE = "issue";
    static final List<String> KINDS = List.of(RISK, ISSUE);
    static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");
    static final int MAX_TEXT = 2000;

    private LogEntryRules() {}

    /** A risk or issue ready to store ({@code owner} and {@code dueDate} may both be missing), or its problems. */
    record Raise(
            String kind,
            String title,
            String description,
            Integer probability,
            Integer impact,
            String severity,
            String owner,
            LocalDate dueDate,
            List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }

        Integer score() {
            return probability == null || impact == null ? null : probability * impact;
        }
    }

    /** An owner with a due date, or the problems that refuse them. */
    record Assignment(String owner, LocalDate dueDate, List<Problem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks a new entry: kind risk or issue and a title; a risk has a probability and an impact from 1 to 5, an
     * issue a severity; an owner and a due date are given together or not at all (then the PMO assigns them).
     */
    static Raise raise(
            String kind,
            String title,
            String description,
            Object probability,
            Object impact,
            String severity,
            String owner,
            String dueDate,
            LocalDate today,
            Function<String, ProjectPeople.Refusal> ownerCheck) {
        List<Problem> problems = new ArrayList<>();
        String k = kind == null ? null : kind.toLowerCase(Locale.ROOT);
        if (k == null) {
            problems.add(Problem.of("form.field.required", new Label("governance.field.kind")));
        } else if (!KINDS.contains(k)) {
            problems.add(Problem.of(
                    "form.field.choice", new Label("governance.field.kind"), String.join(", ", KINDS), kind));
        }
        if (title == null) {
            problems.add(Problem.of("form.field.required", new Label("governance.field.title")));
        } else if (title.length() > 300) {
            problems.add(Problem.of("governance.text.tooLong", new Label("governance.field.title"), 300));
        }
        if (description != null && description.length() > MAX_TEXT) {
            problems.add(Problem.of("governance.text.tooLong", new Label("governance.field.description"), MAX_TEXT));
        }
        Integer p = null;
        Integer i = null;
        String s = null;
        if (RISK.equals(k)) {
            p = oneToFive(probability, "governance.field.probability", problems);
            i = oneToFive(impact, "governance.field.impact", problems);
        } else if (ISSUE.equals(k)) {
            s = severity == null ? null : severity.toLowerCase(Locale.ROOT);
            if (s == null) {
                problems.add(Problem.of("form.field.required", new Label("governance.field.severity")));
            } else if (!SEVERITIES.contains(s)) {
                problems.add(Problem.of(
                        "form.field.choice",
                        new Label("governance.field.severity"),
                        String.join(", ", SEVERITIES),
                        severity));
            }
        }
        LocalDate due = null;
        if (owner != null || dueDate != null) {
            Assignment assignment = assign(owner, dueDate, today, ownerCheck);
            problems.addAll(assignment.problems());
            due = assignment.dueDate();
        }
        return new Raise(k, title, description, p, i, s, owner, due, problems);
    }

    /**
     * Checks an owner (a user who may own: {@link ProjectPeople}, whose check {@code ownerCheck} is) and a due date (today
     * or later).
     */
    static Assignment assign(
            String owner, String dueDate, LocalDate today, Function<String, ProjectPeople.Refusal> ownerCheck) {
        List<Problem> problems = new ArrayList<>();
        if (owner == null) {
            problems.add(Problem.of("form.field.required", new Label("governance.field.owner")));
        } else {
            ProjectPeople.Refusal refusal = ownerCheck.apply(owner);
            if (refusal == ProjectPeople.Refusal.UNKNOWN) {
                problems.add(Problem.of("governance.owner.unknown", owner));
            } else if (refusal == ProjectPeople.Refusal.NOT_ON_PROJECTS) {
                problems.add(Problem.of("governance.owner.notOnProjects", owner));
            }
        }
        LocalDate due = null;
        if (dueDate == null) {
            problems.add(Problem.of("form.field.required", new Label("governance.field.dueDate")));
        } else {
            try {
                due = LocalDate.parse(dueDate.length() > 10 ? dueDate.substring(0, 10) : dueDate);
                if (due.isBefore(today)) {
                    problems.add(Problem.of("governance.dueDate.past", due.toString(), today.toString()));
                }
            } catch (DateTimeParseException e) {
                problems.add(Problem.of("governance.dueDate.invalid", dueDate));
            }
        }
        return new Assignment(owner, due, problems);
    }

    /** Checks a resolution: what was done is required. */
    static List<Problem> resolve(String resolution) {
        if (resolution == null) {
            return List.of(Problem.of("form.field.required", new Label("governance.field.resolution")));
        }
        if (resolution.length() > MAX_TEXT) {
            return List.of(Problem.of("governance.text.tooLong", new Label("governance.field.resolution"), MAX_TEXT));
        }
        return List.of();
    }

    private static Integer oneToFive(Object value, String label, List<Problem> problems) {
        String text = value == null ? null : value.toString().trim();
        if (text == null || text.isEmpty()) {
            problems.add(Problem.of("form.field.required", new Label(label)));
            return null;
        }
        try {
            int n = new BigDecimal(text).intValueExact();
            if (n >= 1 && n <= 5) {
                return n;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        problems.add(Problem.of("governance.scale.invalid", new Label(label), text));
        return null;
    }
}
