package io.rollout.operations;

import io.rollout.shared.Problem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a KPI baseline must hold, whether captured in {@code UserTask_CaptureKpiBaseline} of {@code planningPhase} or
 * over REST: non-negative figures in their ranges, satisfaction 1–5, a planned go-live date, and for the ROI both the
 * hourly rate and the project cost or neither. Plain Java.
 */
final class KpiBaselineRules {

    /** The baseline, or the problems that refuse it. */
    record Result(KpiBaseline baseline, List<Problem> problems) {
    }

    static Result check(BigDecimal manualHours, BigDecimal errorRate, Integer satisfaction, BigDecimal resolutionHours,
                        BigDecimal targetActive, String plannedGoLive, BigDecimal hourlyRate, BigDecimal projectCost) {
        List<Problem> problems = new ArrayList<>();
        range(problems, "manualHoursPerMonth", manualHours, 1_000_000);
        range(problems, "errorRatePct", errorRate, 100);
        if (satisfaction == null || satisfaction < 1 || satisfaction > 5) {
            problems.add(new Problem("operations.baseline.range", "satisfaction", 1, 5, String.valueOf(satisfaction)));
        }
        range(problems, "resolutionHours", resolutionHours, 100_000);
        range(problems, "targetActiveUsersPct", targetActive, 100);
        LocalDate planned = null;
        try {
            planned = plannedGoLive == null ? null : LocalDate.parse(plannedGoLive.length() > 10
                ? plannedGoLive.substring(0, 10) : plannedGoLive);
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (planned == null) {
            problems.add(new Problem("operations.baseline.date", String.valueOf(plannedGoLive)));
        }
        if ((hourlyRate == null) != (projectCost == null)) {
            problems.add(new Problem("operations.baseline.roi"));
        }
        return problems.isEmpty()
            ? new Result(new KpiBaseline(manualHours, errorRate, satisfaction, resolutionHours, targetActive, planned,
                hourlyRate, projectCost), List.of())
            : new Result(null, problems);
    }

    private static void range(List<Problem> problems, String field, BigDecimal value, int max) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            problems.add(new Problem("operations.baseline.range", field, 0, max, String.valueOf(value)));
        }
    }

    private KpiBaselineRules() {
    }
}
