package io.rollout.golive;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the report of a runbook run ({@code UserTask_RehearseCutover}, {@code UserTask_ExecuteCutover},
 * {@code UserTask_ExecuteWaveCutover} in {@code goLive}) must contain: one row per planned step, each done or failed
 * (the run is over), a done step with its actual minutes, no step done or in progress before the steps it depends
 * on are done ({@link Runbook#checkRun}), and a written report. Plain Java.
 */
final class RunbookRunRules {

    /** The steps as reported, or the problems that refuse the report. */
    record Result(List<Runbook.StepRun> run, List<Problem> problems) {}

    private RunbookRunRules() {}

    /** Checks the reported rows and the report text against the planned steps. */
    static Result check(List<Runbook.Step> plan, List<FormRow> rows, String report) {
        List<Problem> problems = new ArrayList<>();
        List<Runbook.StepRun> run = new ArrayList<>();
        Set<Integer> planned = plan.stream().map(Runbook.Step::no).collect(Collectors.toSet());
        for (FormRow row : rows) {
            Integer no = stepNo(row, problems);
            if (no == null) {
                continue;
            }
            if (!planned.contains(no)) {
                problems.add(new Problem("golive.runbook.unknownStep", row.number(), no));
                continue;
            }
            run.add(stepRun(row, no, problems));
        }
        Runbook.checkRun(plan, run).forEach(p -> problems.add(new Problem(p.code(), p.args())));
        if (report == null) {
            problems.add(new Problem("form.field.required", "Report"));
        }
        return new Result(run, problems);
    }

    private static Runbook.StepRun stepRun(FormRow row, int no, List<Problem> problems) {
        String status = row.text("status");
        if (!Runbook.DONE.equals(status) && !Runbook.FAILED.equals(status)) {
            problems.add(new Problem("golive.runbook.notFinished", row.number(), no, status == null ? "-" : status));
        }
        Integer minutes = null;
        try {
            minutes = row.integer("actualMinutes");
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new Problem("form.row.number", row.number(), "Actual minutes", row.text("actualMinutes")));
        }
        if (Runbook.DONE.equals(status) && (minutes == null || minutes < 0)) {
            problems.add(new Problem("golive.runbook.actualMinutes", row.number(), no));
        }
        return new Runbook.StepRun(no, status, minutes, row.text("note"));
    }

    private static Integer stepNo(FormRow row, List<Problem> problems) {
        try {
            Integer no = row.integer("stepNo");
            if (no == null) {
                problems.add(new Problem("form.row.required", row.number(), "Step"));
            }
            return no;
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new Problem("form.row.number", row.number(), "Step", row.text("stepNo")));
            return null;
        }
    }

    /** True when the run succeeded: every planned step done and none failed. */
    static boolean succeeded(List<Runbook.Step> plan, List<Runbook.StepRun> run) {
        return Runbook.complete(plan, run) && run.stream().noneMatch(r -> Runbook.FAILED.equals(r.status()));
    }
}
