package io.rollout.planning;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Cell checks shared by the planning rules for the rows of a form's dynamic list: each problem names
 * the list, the row number and the field ({@code planning.row.*} messages). Plain code, no engine.
 *
 * @param list     message code of the list's name, e.g. {@code planning.list.resources}
 * @param problems where problems are added
 */
record RowChecks(String list, List<Problem> problems) {

    /** The trimmed text of a required cell, or {@code null} after adding a problem. */
    String required(FormRow row, String key, String label) {
        String value = row.text(key);
        if (value == null) {
            problems.add(new Problem("planning.row.required", new Label(list), row.number(), new Label(label)));
        }
        return value;
    }

    /** A required whole number from {@code min} to {@code max}, or {@code null} after adding a problem. */
    Integer number(FormRow row, String key, String label, int min, int max) {
        if (required(row, key, label) == null) {
            return null;
        }
        try {
            int value = row.integer(key);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below like an out-of-range value
        }
        problems.add(new Problem(
                "planning.row.number", new Label(list), row.number(), new Label(label), min, max, row.text(key)));
        return null;
    }

    /** A required ISO date, or {@code null} after adding a problem. */
    LocalDate date(FormRow row, String key, String label) {
        if (required(row, key, label) == null) {
            return null;
        }
        try {
            return row.date(key);
        } catch (DateTimeParseException e) {
            problems.add(
                    new Problem("planning.row.date", new Label(list), row.number(), new Label(label), row.text(key)));
            return null;
        }
    }

    /** A required value out of {@code allowed}, or {@code null} after adding a problem. */
    String choice(FormRow row, String key, String label, List<String> allowed) {
        String value = required(row, key, label);
        if (value != null && !allowed.contains(value)) {
            problems.add(new Problem(
                    "planning.row.choice",
                    new Label(list),
                    row.number(),
                    new Label(label),
                    String.join(", ", allowed),
                    value));
            return null;
        }
        return value;
    }

    /** Adds a problem for a value that an earlier row of the list already has. */
    void duplicate(FormRow row, String value) {
        problems.add(new Problem("planning.row.duplicate", new Label(list), row.number(), value));
    }
}
