package io.rollout.golive;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunbookRunRulesTests {

    static final List<Runbook.Step> PLAN = RunbookTests.PLAN;

    static FormRow row(int number, Object stepNo, String status, Object minutes) {
        Map<String, Object> values = new HashMap<>();
        values.put("stepNo", stepNo);
        values.put("status", status);
        values.put("actualMinutes", minutes);
        return new FormRow(number, values);
    }

    static List<FormRow> allDone() {
        return List.of(
                row(1, 1L, "done", 30L), row(2, 2L, "done", 100L), row(3, 3L, "done", 50L), row(4, 4L, "done", 20L));
    }

    @Test
    void aRunWithEveryStepDoneAndAReportSucceeds() {
        var result = RunbookRunRules.check(PLAN, allDone(), "All went to plan");

        assertThat(result.problems()).isEmpty();
        assertThat(result.run()).extracting(Runbook.StepRun::actualMinutes).containsExactly(30, 100, 50, 20);
        assertThat(RunbookRunRules.succeeded(PLAN, result.run())).isTrue();
    }

    @Test
    void aFailedStepEndsTheRunWithoutSuccess() {
        var result = RunbookRunRules.check(
                PLAN,
                List.of(
                        row(1, 1L, "done", 30L),
                        row(2, 2L, "failed", null),
                        row(3, 3L, "failed", null),
                        row(4, 4L, "failed", null)),
                "Delta load failed");

        assertThat(result.problems()).isEmpty();
        assertThat(RunbookRunRules.succeeded(PLAN, result.run())).isFalse();
    }

    @Test
    void everyStepMustBeFinishedADoneStepNeedsMinutesAndAReportIsRequired() {
        var result = RunbookRunRules.check(
                PLAN,
                List.of(
                        row(1, 1L, "in-progress", null),
                        row(2, 2L, "done", null),
                        row(3, 9L, "done", 5L),
                        row(4, "x", "done", 5L)),
                null);

        assertThat(result.problems())
                .containsExactly(
                        new Problem("golive.runbook.notFinished", 1, 1, "in-progress"),
                        new Problem("golive.runbook.actualMinutes", 2, 2),
                        new Problem("golive.runbook.unknownStep", 3, 9),
                        new Problem("form.row.number", 4, "Step", "x"),
                        new Problem("golive.runbook.dependencyNotDone", 2, "Load delta", 1),
                        new Problem("form.field.required", "Report"));
    }
}
