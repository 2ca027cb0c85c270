package io.rollout.golive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoLiveReadinessRulesTests {

    final GoLiveReadinessRules rules = new GoLiveReadinessRules();

    static GoLiveReadinessRules.Inputs ready() {
        return new GoLiveReadinessRules.Inputs("passed", "passed", "passed",
            List.of("finance", "inventory"), Map.of("finance", "accepted", "inventory", "accepted"),
            List.of("customers"), Map.of("customers", "signed-off"), List.of());
    }

    @Test
    void readyWhenEveryCriterionIsMet() {
        GoLiveReadinessRules.Readiness readiness = rules.assess(ready());

        assertThat(readiness.ok()).isTrue();
        assertThat(readiness.unmet()).isEmpty();
        assertThat(readiness.criteria()).extracting(GoLiveReadinessRules.Criterion::key).containsExactly(
            "golive.readiness.uat.met", "golive.readiness.training.met", "golive.readiness.signOff.met",
            "golive.readiness.modules.met", "golive.readiness.datasets.met", "golive.readiness.risks.met");
    }

    @Test
    void notReadyWhenUatGateFailedLast() {
        var in = ready();
        var readiness = rules.assess(new GoLiveReadinessRules.Inputs("failed", in.trainingOutcome(), in.signOffOutcome(),
            in.modules(), in.moduleOutcomes(), in.datasets(), in.datasetOutcomes(), in.openHighRisks()));

        assertThat(readiness.ok()).isFalse();
        assertThat(readiness.unmet()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("golive.readiness.uat.unmet");
            assertThat(c.args()).containsExactly("failed");
        });
    }

    @Test
    void notReadyWhenTrainingOrSignOffWereNeverDecided() {
        var in = ready();
        var readiness = rules.assess(new GoLiveReadinessRules.Inputs("passed", null, null,
            in.modules(), in.moduleOutcomes(), in.datasets(), in.datasetOutcomes(), in.openHighRisks()));

        assertThat(readiness.unmet()).extracting(GoLiveReadinessRules.Criterion::key)
            .containsExactly("golive.readiness.training.missing", "golive.readiness.signOff.missing");
    }

    @Test
    void notReadyWhenAModuleWasRejectedOrNeverAccepted() {
        var in = ready();
        var readiness = rules.assess(new GoLiveReadinessRules.Inputs("passed", "passed", "passed",
            List.of("finance", "inventory", "sales"), Map.of("finance", "accepted", "inventory", "rejected"),
            in.datasets(), in.datasetOutcomes(), in.openHighRisks()));

        assertThat(readiness.unmet()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("golive.readiness.modules.unmet");
            assertThat(c.args()).containsExactly("inventory, sales");
        });
    }

    @Test
    void notReadyWhenADatasetIsNotSignedOff() {
        var in = ready();
        var readiness = rules.assess(new GoLiveReadinessRules.Inputs("passed", "passed", "passed",
            in.modules(), in.moduleOutcomes(), List.of("customers", "materials"), Map.of("customers", "rejected"),
            in.openHighRisks()));

        assertThat(readiness.unmet()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("golive.readiness.datasets.unmet");
            assertThat(c.args()).containsExactly("customers, materials");
        });
    }

    @Test
    void notReadyWhileAHighRiskIsOpen() {
        var in = ready();
        var readiness = rules.assess(new GoLiveReadinessRules.Inputs("passed", "passed", "passed",
            in.modules(), in.moduleOutcomes(), in.datasets(), in.datasetOutcomes(), List.of("Key user leaves (20)")));

        assertThat(readiness.ok()).isFalse();
        assertThat(readiness.unmet()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("golive.readiness.risks.unmet");
            assertThat(c.args()).containsExactly("Key user leaves (20)");
        });
    }

    @Test
    void noDatasetsInScopeCountsAsSignedOff() {
        var in = ready();
        var readiness = rules.assess(new GoLiveReadinessRules.Inputs("passed", "passed", "passed",
            in.modules(), in.moduleOutcomes(), List.of(), Map.of(), List.of()));

        assertThat(readiness.ok()).isTrue();
    }
}
