package io.rollout.governance;

import io.rollout.shared.Dates;
import io.rollout.shared.ForModels;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ISO 8601 timer cycles of the governance event sub-processes of {@code implementationProject}
 * ({@code rollout.governance.*}): {@code ${governanceCadence.weeklyReport()}} on
 * {@code StartEvent_WeeklyReportDue}, {@code steeringReview()} on {@code StartEvent_SteeringReviewDue},
 * {@code milestoneCheck()} on {@code StartEvent_MilestoneCheckDue}. A cycle is read when the project starts. The
 * names of the tasks these timers create say which period they are for: {@link #week()}, {@link #month()},
 * {@link #today()}, on the engine's clock.
 */
@ForModels
@Component("governanceCadence")
public class GovernanceCadence {

    private final String weeklyReport;
    private final String steeringReview;
    private final String milestoneCheck;
    private final Clock clock;

    GovernanceCadence(
            @Value("${rollout.governance.weekly-report-cycle:R/P7D}") String weeklyReport,
            @Value("${rollout.governance.steering-review-cycle:R/P1M}") String steeringReview,
            @Value("${rollout.governance.milestone-check-cycle:R/P1D}") String milestoneCheck,
            Clock clock) {
        this.weeklyReport = weeklyReport;
        this.steeringReview = steeringReview;
        this.milestoneCheck = milestoneCheck;
        this.clock = clock;
    }

    /** The weekly status report cycle, default {@code R/P7D}. */
    public String weeklyReport() {
        return weeklyReport;
    }

    /** The monthly steering review cycle, default {@code R/P1M}. */
    public String steeringReview() {
        return steeringReview;
    }

    /** How often overdue milestones are looked for, default {@code R/P1D}. */
    public String milestoneCheck() {
        return milestoneCheck;
    }

    /** The ISO week of today, e.g. {@code 23}: "Write weekly status report (week 23)". */
    public int week() {
        return LocalDate.now(clock).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** This month as {@code 2026-05}: "Hold the monthly steering review (2026-05)". */
    public String month() {
        return Dates.date(LocalDate.now(clock)).substring(0, 7);
    }

    /** Today as {@code 2026-05-07}: "Follow up milestones overdue on 2026-05-07". */
    public String today() {
        return Dates.date(LocalDate.now(clock));
    }
}
