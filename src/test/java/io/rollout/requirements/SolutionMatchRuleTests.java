package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.gate.Finding;
import io.rollout.gate.GateOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class SolutionMatchRuleTests {

    static Requirement req(String id, String priority, String criterion, String match, String status) {
        return new Requirement(
                "P", id, "finance", "Title " + id, null, null, null, priority, criterion, match, status, null, null);
    }

    static GateOutcome decide(Requirement... requirements) {
        return new SolutionMatchRule().decide(new SolutionMatchRule.Input(List.of(requirements)));
    }

    @Test
    void passesWhenEveryMustHaveHasACriterionAndASolution() {
        GateOutcome outcome = decide(
                req("REQ-1", "must", "c", "standard", null),
                req("REQ-2", "could", null, null, null),
                req("REQ-3", "should", null, "not-covered", null));
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.findings()).isEmpty();
    }

    @Test
    void namesMustHavesWithoutCriterionWithoutSolutionOrNotCoveredInIdOrder() {
        GateOutcome outcome =
                decide(req("REQ-3", "must", "c", "not-covered", null), req("REQ-1", "must", " ", null, null));
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings())
                .containsExactly(
                        Finding.of("requirements.signoff.noCriterion", "REQ-1", "finance"),
                        Finding.of("requirements.signoff.notMatched", "REQ-1", "finance"),
                        Finding.of("requirements.signoff.notCovered", "REQ-3", "finance"));
    }

    @Test
    void withdrawnMustHavesDontCount() {
        assertThat(decide(req("REQ-1", "must", null, null, Requirement.WITHDRAWN))
                        .passed())
                .isTrue();
    }

    @Test
    void summaryCountsTheMustHavesThatAreNotWithdrawnAmongAllRequirements() {
        assertThat(new SolutionMatchRule.Input(List.of(
                                req("REQ-1", "must", "c", "standard", null),
                                req("REQ-2", "must", null, null, Requirement.WITHDRAWN),
                                req("REQ-3", "could", null, null, null)))
                        .summary())
                .isEqualTo("1 must-haves of 3 requirements");
    }
}
