package io.rollout.operations;

import io.rollout.shared.Dates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The KPI baseline of a project, captured at planning, and the comparison the post-implementation review makes
 * with it: error rate and issue resolution time before and as measured after go-live, satisfaction before and
 * after, hours saved against the manual hours, user activity against its target, go-live against the planned date,
 * and the ROI of a year of saved hours against the project cost. Satisfaction is the average of a survey and keeps
 * its decimals (2.8 of 5). Plain Java.
 */
record KpiBaseline(
        BigDecimal manualHoursPerMonth,
        BigDecimal errorRatePct,
        BigDecimal satisfaction,
        BigDecimal resolutionHours,
        BigDecimal targetActiveUsersPct,
        LocalDate plannedGoLive,
        BigDecimal hourlyRate,
        BigDecimal projectCost) {

    /** One compared KPI as a message code of {@code messages/operations} and its arguments. */
    record Line(String code, Object... args) {}

    /** The comparison of the review's figures and the measures with this baseline, one line per KPI. */
    List<Line> compare(PostImplementationReviewRules.Kpis after, ReviewMeasures.Measured measured) {
        List<Line> lines = new ArrayList<>();
        if (measured.errorRatePct() == null) {
            lines.add(new Line("operations.compare.errorRateNotMeasured", errorRatePct));
        } else {
            lines.add(new Line(
                    "operations.compare.errorRate",
                    errorRatePct,
                    measured.errorRatePct(),
                    signed(measured.errorRatePct().subtract(errorRatePct)),
                    measured.failedCases(),
                    measured.executedCases()));
        }
        lines.add(new Line(
                "operations.compare.satisfaction",
                satisfaction,
                after.satisfaction(),
                signed(after.satisfaction().subtract(satisfaction))));
        if (measured.resolutionHours() == null) {
            lines.add(new Line("operations.compare.resolutionNotMeasured", resolutionHours));
        } else {
            lines.add(new Line(
                    "operations.compare.resolution",
                    resolutionHours,
                    measured.resolutionHours(),
                    measured.resolvedIncidents()));
        }
        lines.add(new Line(
                "operations.compare.hours",
                after.hoursSavedPerMonth(),
                manualHoursPerMonth,
                manualHoursPerMonth.signum() == 0
                        ? BigDecimal.ZERO
                        : after.hoursSavedPerMonth()
                                .multiply(BigDecimal.valueOf(100))
                                .divide(manualHoursPerMonth, 1, RoundingMode.HALF_UP)));
        lines.add(new Line(
                "operations.compare.activeUsers",
                after.activeUsersPct(),
                targetActiveUsersPct,
                after.activeUsersPct().compareTo(targetActiveUsersPct) >= 0 ? "✓" : "✗"));
        lines.add(goLive(measured.liveOn()));
        if (hourlyRate != null && projectCost != null && projectCost.signum() > 0) {
            BigDecimal yearly =
                    after.hoursSavedPerMonth().multiply(BigDecimal.valueOf(12)).multiply(hourlyRate);
            lines.add(new Line(
                    "operations.compare.roi",
                    yearly.setScale(0, RoundingMode.HALF_UP),
                    projectCost,
                    yearly.multiply(BigDecimal.valueOf(100)).divide(projectCost, 1, RoundingMode.HALF_UP)));
        }
        return lines;
    }

    /** Go-live against plan: on time (✓), early (✓) or late (✗) by so many days, or not recorded. */
    Line goLive(LocalDate liveOn) {
        String planned = Dates.date(plannedGoLive);
        if (liveOn == null) {
            return new Line("operations.compare.goLiveNotRecorded", planned);
        }
        long late = ChronoUnit.DAYS.between(plannedGoLive, liveOn);
        String live = Dates.date(liveOn);
        if (late > 0) {
            return new Line("operations.compare.goLiveLate", planned, live, late);
        }
        return late == 0
                ? new Line("operations.compare.goLiveOnTime", planned, live)
                : new Line("operations.compare.goLiveEarly", planned, live, -late);
    }

    /** True when the project went live on or before the planned date; {@code null} when it has no go-live yet. */
    Boolean onTime(LocalDate liveOn) {
        return liveOn == null ? null : !liveOn.isAfter(plannedGoLive);
    }

    /** A change with its sign: {@code +1.4}, {@code -2.3}, {@code 0}. */
    static String signed(BigDecimal change) {
        BigDecimal plain = change.stripTrailingZeros();
        String text = plain.scale() < 0 ? plain.setScale(0).toPlainString() : plain.toPlainString();
        return change.signum() > 0 ? "+" + text : text;
    }
}
