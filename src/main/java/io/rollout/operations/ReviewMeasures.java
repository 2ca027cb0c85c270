package io.rollout.operations;

import io.rollout.audit.DecisionLog;
import io.rollout.uat.UatStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the post-implementation review ({@code UserTask_ReviewPostImplementation}) measures instead of asking for it.
 * Read-only and counting only, over the tables of UAT and operations and the decision log:
 * <ul>
 *   <li><b>error rate</b>: the share of the project's test cases whose latest UAT result is not a pass (failed or
 *   blocked), of those with a result — the errors of the system as it was accepted and went live; the one error
 *   rate with a count behind it, since after go-live the system does not know how many transactions went wrong;</li>
 *   <li><b>issue resolution time</b>: the average hours from report to resolution of the project's resolved
 *   incidents;</li>
 *   <li><b>went live on</b>: the day of the last successful cutover (the last wave, or the one run), in the
 *   server's time zone.</li>
 * </ul>
 */
@Component
class ReviewMeasures {

    private final IncidentRepository incidents;
    private final DecisionLog decisions;
    private final UatStatus uat;

    ReviewMeasures(IncidentRepository incidents, DecisionLog decisions, UatStatus uat) {
        this.incidents = incidents;
        this.decisions = decisions;
        this.uat = uat;
    }

    /**
     * The measures of a project; a figure without data behind it is {@code null}.
     *
     * @param failedCases       test cases whose latest result is fail or blocked
     * @param executedCases     test cases with a result
     * @param resolvedIncidents incidents resolved, behind {@code resolutionHours}
     */
    record Measured(
            BigDecimal errorRatePct,
            int failedCases,
            int executedCases,
            BigDecimal resolutionHours,
            int resolvedIncidents,
            LocalDate liveOn) {}

    /** The incidents of one severity: reported, resolved, still open, average resolution hours, SLA breaches. */
    record SeverityFigures(
            String severity,
            int reported,
            int resolved,
            int open,
            BigDecimal averageResolutionHours,
            int slaBreached) {}

    Measured measure(String projectCode) {
        List<String> latest = List.copyOf(uat.latestResults(projectCode).values());
        int failed = (int) latest.stream().filter(r -> !"pass".equals(r)).count();
        BigDecimal errorRate = latest.isEmpty()
                ? null
                : BigDecimal.valueOf(failed * 100L).divide(BigDecimal.valueOf(latest.size()), 1, RoundingMode.HALF_UP);
        List<Incident> incidents = incidentTimes(projectCode);
        List<Incident> resolved =
                incidents.stream().filter(i -> i.resolutionMinutes() != null).toList();
        return new Measured(
                errorRate, failed, latest.size(), averageHours(resolved), resolved.size(), liveOn(projectCode));
    }

    /** The project's incidents by severity, most severe first, every severity listed. */
    List<SeverityFigures> incidents(String projectCode) {
        List<Incident> incidents = incidentTimes(projectCode);
        List<SeverityFigures> figures = new ArrayList<>();
        for (String severity : IncidentRules.SEVERITIES) {
            List<Incident> of = incidents.stream()
                    .filter(i -> severity.equals(i.severity()))
                    .toList();
            List<Incident> resolved =
                    of.stream().filter(i -> i.resolutionMinutes() != null).toList();
            figures.add(new SeverityFigures(
                    severity, of.size(), resolved.size(), of.size() - resolved.size(), averageHours(resolved), (int)
                            of.stream().filter(Incident::slaBreached).count()));
        }
        return figures;
    }

    private record Incident(String severity, Long resolutionMinutes, boolean slaBreached) {}

    private List<Incident> incidentTimes(String projectCode) {
        return incidents.times(projectCode).stream()
                .map(t -> new Incident(
                        t.severity(),
                        t.resolvedAt() == null
                                ? null
                                : Duration.between(t.openedAt(), t.resolvedAt()).toMinutes(),
                        t.slaBreached()))
                .toList();
    }

    private static BigDecimal averageHours(List<Incident> resolved) {
        if (resolved.isEmpty()) {
            return null;
        }
        long total = resolved.stream().mapToLong(Incident::resolutionMinutes).sum();
        return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(60L * resolved.size()), 1, RoundingMode.HALF_UP);
    }

    private LocalDate liveOn(String projectCode) {
        return decisions.forProject(projectCode).stream()
                .filter(d -> "cutover".equals(d.decision()) && "succeeded".equals(d.outcome()))
                .map(d -> d.decidedAt().atZone(ZoneId.systemDefault()).toLocalDate())
                .reduce((a, b) -> b)
                .orElse(null);
    }
}
