package io.rollout.governance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ISO 8601 timer cycles of the governance event sub-processes of {@code implementationProject}
 * ({@code rollout.governance.*}): {@code ${governanceCadence.weeklyReport()}} on
 * {@code StartEvent_WeeklyReportDue}, {@code steeringReview()} on {@code StartEvent_SteeringReviewDue},
 * {@code milestoneCheck()} on {@code StartEvent_MilestoneCheckDue}. A cycle is read when the project starts.
 */
@Component("governanceCadence")
public class GovernanceCadence {

    private final String weeklyReport;
    private final String steeringReview;
    private final String milestoneCheck;

    GovernanceCadence(@Value("${rollout.governance.weekly-report-cycle:R/P7D}") String weeklyReport,
                      @Value("${rollout.governance.steering-review-cycle:R/P1M}") String steeringReview,
                      @Value("${rollout.governance.milestone-check-cycle:R/P1D}") String milestoneCheck) {
        this.weeklyReport = weeklyReport;
        this.steeringReview = steeringReview;
        this.milestoneCheck = milestoneCheck;
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
}
