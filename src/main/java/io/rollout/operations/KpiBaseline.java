package io.rollout.operations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The KPI baseline of a project, captured at planning, and the comparison the post-implementation review makes
 * with it: error rate, satisfaction and issue resolution time before and after, hours saved against the manual
 * hours, user activity against its target, go-live against the planned date, and the ROI of a year of saved
 * hours against the project cost. Plain Java.
 */
record KpiBaseline(BigDecimal manualHoursPerMonth, BigDecimal errorRatePct, int satisfaction,
                   BigDecimal resolutionHours, BigDecimal targetActiveUsersPct, LocalDate plannedGoLive,
                   BigDecimal hourlyRate, BigDecimal projectCost) {

    /** One compared KPI: before (baseline), after (review) and the change, as a message code and arguments. */
    record Line(String code, Object... args) {
    }

    List<Line> compare(PostImplementationReviewRules.Kpis after, LocalDate liveOn, BigDecimal computedResolutionHours) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("operations.compare.errorRate", errorRatePct, after.errorRateAfterPct(),
            after.errorRateAfterPct().subtract(errorRatePct)));
        lines.add(new Line("operations.compare.satisfaction", satisfaction, after.satisfaction(),
            after.satisfaction() - satisfaction));
        lines.add(new Line("operations.compare.resolution", resolutionHours, after.avgResolutionHours(),
            computedResolutionHours == null ? "-" : computedResolutionHours.setScale(1, RoundingMode.HALF_UP)));
        lines.add(new Line("operations.compare.hours", after.hoursSavedPerMonth(), manualHoursPerMonth,
            manualHoursPerMonth.signum() == 0 ? BigDecimal.ZERO : after.hoursSavedPerMonth()
                .multiply(BigDecimal.valueOf(100)).divide(manualHoursPerMonth, 1, RoundingMode.HALF_UP)));
        lines.add(new Line("operations.compare.activeUsers", after.activeUsersPct(), targetActiveUsersPct,
            after.activeUsersPct().compareTo(targetActiveUsersPct) >= 0 ? "✓" : "✗"));
        lines.add(new Line("operations.compare.goLive", plannedGoLive.toString(), liveOn == null ? "-" : liveOn.toString(),
            liveOn != null && !liveOn.isAfter(plannedGoLive) ? "✓" : "✗"));
        if (hourlyRate != null && projectCost != null && projectCost.signum() > 0) {
            BigDecimal yearly = after.hoursSavedPerMonth().multiply(BigDecimal.valueOf(12)).multiply(hourlyRate);
            lines.add(new Line("operations.compare.roi", yearly.setScale(0, RoundingMode.HALF_UP), projectCost,
                yearly.multiply(BigDecimal.valueOf(100)).divide(projectCost, 1, RoundingMode.HALF_UP)));
        }
        return lines;
    }
}
