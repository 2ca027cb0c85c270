package io.rollout.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.gate.Finding;
import io.rollout.gate.GateOutcome;
import io.rollout.operations.HypercareExitRule.OpenIncident;
import java.util.List;
import org.junit.jupiter.api.Test;

class HypercareExitRuleTests {

    static final OpenIncident CRITICAL = new OpenIncident(7, "critical", "Invoices do not post");
    static final OpenIncident HIGH = new OpenIncident(8, "high", "Slow report");

    static GateOutcome decide(List<OpenIncident> open, int reportedLastWeek) {
        return new HypercareExitRule().decide(new HypercareExitRule.Input(open, reportedLastWeek, 5));
    }

    @Test
    void hypercareEndsWithoutOpenCriticalIncidentsAndBelowTheWeeklyRate() {
        GateOutcome outcome = decide(List.of(HIGH), 4);
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.findings()).isEmpty();
    }

    @Test
    void anOpenCriticalIncidentKeepsHypercareGoing() {
        GateOutcome outcome = decide(List.of(HIGH, CRITICAL), 0);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings())
                .containsExactly(Finding.of("operations.hypercare.openCritical", 7, "Invoices do not post"));
    }

    @Test
    void reachingTheWeeklyRateKeepsHypercareGoing() {
        GateOutcome outcome = decide(List.of(), 5);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).containsExactly(Finding.of("operations.hypercare.rate", 5, 5));
    }

    @Test
    void summaryNamesOpenIncidentsTheWeeksReportsAndTheThreshold() {
        assertThat(new HypercareExitRule.Input(List.of(HIGH, CRITICAL), 3, 5).summary())
                .isEqualTo("open=2, reportedLastWeek=3, maxPerWeek=5");
    }
}
