package io.rollout.operations;

import io.rollout.audit.DecisionLog;
import io.rollout.shared.ForModels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Date;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The operations settings the models read in expressions ({@code operationsPolicy}): the SLA of an incident by
 * severity ({@code rollout.operations.sla.*}), the minimum hypercare period, the weekly re-check, the incident
 * rate that still keeps hypercare open, and when the post-implementation review is due (90 days after the
 * cutover succeeded, by default).
 */
@ForModels
@Component("operationsPolicy")
public class OperationsPolicy {

    private final Map<String, String> sla;
    private final String minimumHypercare;
    private final int maxIncidentsPerWeek;
    private final Period reviewAfter;
    private final DecisionLog decisions;
    private final Clock clock;

    OperationsPolicy(
            @Value("${rollout.operations.sla.critical:PT4H}") String critical,
            @Value("${rollout.operations.sla.high:PT8H}") String high,
            @Value("${rollout.operations.sla.medium:P2D}") String medium,
            @Value("${rollout.operations.sla.low:P5D}") String low,
            @Value("${rollout.operations.hypercare.minimum:P14D}") String minimumHypercare,
            @Value("${rollout.operations.hypercare.max-incidents-per-week:5}") int maxIncidentsPerWeek,
            @Value("${rollout.operations.review-after:P90D}") String reviewAfter,
            DecisionLog decisions,
            Clock clock) {
        this.sla = Map.of("critical", critical, "high", high, "medium", medium, "low", low);
        this.minimumHypercare = minimumHypercare;
        this.maxIncidentsPerWeek = maxIncidentsPerWeek;
        this.reviewAfter = Period.parse(reviewAfter);
        this.decisions = decisions;
        this.clock = clock;
    }

    /** The SLA of a severity as an ISO-8601 duration, e.g. {@code PT4H}. */
    public String sla(String severity) {
        String duration = sla.get(severity);
        if (duration == null) {
            throw new IllegalArgumentException("no SLA for severity " + severity);
        }
        return duration;
    }

    Instant slaDue(String severity) {
        return Instant.now(clock).plus(Duration.parse(sla(severity)));
    }

    public String minimumHypercare() {
        return minimumHypercare;
    }

    public int maxIncidentsPerWeek() {
        return maxIncidentsPerWeek;
    }

    /** When the post-implementation review is due: the configured period after the last successful cutover. */
    public Date reviewDate(String projectCode) {
        Instant live = decisions.forProject(projectCode).stream()
                .filter(d -> "cutover".equals(d.decision()) && "succeeded".equals(d.outcome()))
                .map(DecisionLog.Decision::decidedAt)
                .reduce((a, b) -> b)
                .orElse(Instant.now(clock));
        return Date.from(live.atZone(java.time.ZoneOffset.UTC).plus(reviewAfter).toInstant());
    }
}
