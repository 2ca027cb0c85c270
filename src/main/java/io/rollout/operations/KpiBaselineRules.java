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
 * hourly rate and the project cost or neither. Every figure keeps what was typed — satisfaction is the average of a
 * survey, 2.8 stays 2.8 — up to the two decimals its column holds; a figure with more decimals is refused with the
 * reason instead of being rounded where nobody sees it. Plain Java.
 */
final class KpiBaselineRules {

    /** The baseline, or the problems that refuse it. */
    record Result(KpiBaseline baseline, List<Problem> problems) {}

    /** Decimals every figure keeps: the scale of its column. */
    static final int DECIMALS = 2;

    static Result check(
            BigDecimal manualHours,
            BigDecimal errorRate,
            BigDecimal satisfaction,
            BigDecimal resolutionHours,
            BigDecimal targetActive,
            String plannedGoLive,
            BigDecimal hourlyRate,
            BigDecimal projectCost) {
        List<Problem> problems = new ArrayList<>();
        range(problems, "manualHoursPerMonth", manualHours, 0, 1_000_000);
        range(problems, "errorRatePct", errorRate, 0, 100);
        range(problems, "satisfaction", satisfaction, 1, 5);
        range(problems, "resolutionHours", resolutionHours, 0, 100_000);
        range(problems, "targetActiveUsersPct", targetActive, 0, 100);
        if (hourlyRate != null) {
            range(problems, "hourlyRate", hourlyRate, 0, 1_000_000_000);
        }
        if (projectCost != null) {
            range(problems, "projectCost", projectCost, 0, 1_000_000_000_000L);
        }
        LocalDate planned = null;
        try {
            planned = plannedGoLive == null
                    ? null
                    : LocalDate.parse(plannedGoLive.length() > 10 ? plannedGoLive.substring(0, 10) : plannedGoLive);
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
                ? new Result(
                        new KpiBaseline(
                                manualHours,
                                errorRate,
                                satisfaction,
                                resolutionHours,
                                targetActive,
                                planned,
                                hourlyRate,
                                projectCost),
                        List.of())
                : new Result(null, problems);
    }

    private static void range(List<Problem> problems, String field, BigDecimal value, long min, long max) {
        if (value == null
                || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            problems.add(new Problem("operations.baseline.range", field, min, max, plain(value)));
        } else if (value.stripTrailingZeros().scale() > DECIMALS) {
            problems.add(new Problem("operations.baseline.decimals", field, DECIMALS, plain(value)));
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : KpiBaselineRepository.typed(value).toPlainString();
    }

    private KpiBaselineRules() {}
}
