package io.rollout.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The KPIs of the dashboard (pure data, the JSON of {@code GET /api/kpis}).
 */
public final class Kpis {

    /** One milestone: due date, the end of the phase it belongs to (if ended) and whether that was on time. */
    public record Milestone(String name, String phase, LocalDate due, LocalDate phaseEnded, String timeliness) {}

    /** Days a phase took (finished) or has taken so far (running). */
    public record PhaseTime(String phase, double days, boolean finished) {}

    /** Training coverage of one role. */
    public record RoleCoverage(String role, int trained, int planned, double percent) {}

    /** Every KPI of one project. */
    public record Project(
            String code,
            String name,
            String status,
            int milestonesOnTime,
            int milestonesLate,
            int milestonesPending,
            List<Milestone> milestones,
            List<PhaseTime> phaseTimes,
            int uatCases,
            int uatPassed,
            Double uatPassRate,
            int uatPassTarget,
            List<RoleCoverage> trainingCoverage,
            int trainingTarget,
            int openRisks,
            int openHighRisks,
            int openIssues,
            int incidents,
            int openIncidents,
            Double incidentResolutionHours) {}

    /** Across projects: averages of the finished phases and of the projects' rates. */
    public record Portfolio(
            int projects,
            Map<String, Double> averagePhaseDays,
            Double averageUatPassRate,
            Double milestonesOnTimePercent,
            int openRisks,
            int openIssues,
            Double averageIncidentResolutionHours) {}

    /** The dashboard: across projects and per project. */
    public record Dashboard(Portfolio portfolio, List<Project> projects) {}

    private Kpis() {}
}
