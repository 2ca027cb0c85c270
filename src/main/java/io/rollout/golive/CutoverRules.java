package io.rollout.golive;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What a cutover report ({@code UserTask_ExecuteCutover} in {@code goLive}) must contain: a runbook of
 * at least one step, each with a description, an owner and planned minutes, an outcome and a report.
 * A cutover counts as succeeded only when every step of the runbook is done.
 */
final class CutoverRules {

    /** One runbook step as stored. */
    record Step(String step, String owner, int plannedMinutes, boolean done) {
    }

    /** The steps read from the form, or the problems that refuse the submission. */
    record Result(List<Step> steps, List<Problem> problems) {
    }

    Result check(List<FormRow> rows, Boolean succeeded, String report) {
        List<Problem> problems = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (FormRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            String step = row.text("step");
            String owner = row.text("owner");
            Integer minutes = minutes(row, problems);
            if (step == null) {
                problems.add(new Problem("form.row.required", row.number(), "Step"));
            }
            if (owner == null) {
                problems.add(new Problem("form.row.required", row.number(), "Owner"));
            }
            if (Boolean.TRUE.equals(succeeded) && !row.bool("done")) {
                problems.add(new Problem("golive.cutover.stepNotDone", row.number(), step == null ? "" : step));
            }
            if (step != null && owner != null && minutes != null) {
                steps.add(new Step(step, owner, minutes, row.bool("done")));
            }
        }
        if (steps.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem("golive.cutover.noSteps"));
        }
        if (succeeded == null) {
            problems.add(new Problem("form.field.required", "Cutover succeeded"));
        }
        if (report == null) {
            problems.add(new Problem("form.field.required", "Cutover report"));
        }
        return new Result(problems.isEmpty() ? steps : List.of(), problems);
    }

    private static Integer minutes(FormRow row, List<Problem> problems) {
        String text = row.text("plannedMinutes");
        if (text == null) {
            problems.add(new Problem("form.row.required", row.number(), "Planned minutes"));
            return null;
        }
        try {
            int minutes = row.integer("plannedMinutes");
            if (minutes >= 0) {
                return minutes;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below like a negative number
        }
        problems.add(new Problem("form.row.number", row.number(), "Planned minutes", text));
        return null;
    }
}
