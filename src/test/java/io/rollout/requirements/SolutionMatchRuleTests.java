package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class SolutionMatchRuleTests {

    static Requirement req(String id, String priority, String criterion, String match, String status) {
        return new Requirement("P", id, "finance", "Title " + id, null, null, null, priority, criterion, match, status,
            null, null);
    }

    @Test
    void passesWhenEveryMustHaveHasACriterionAndASolution() {
        assertThat(SolutionMatchRule.unmatchedMustHaves(List.of(req("REQ-1", "must", "c", "standard", null),
            req("REQ-2", "could", null, null, null), req("REQ-3", "should", null, "not-covered", null)))).isEmpty();
    }

    @Test
    void namesMustHavesWithoutCriterionWithoutSolutionOrNotCoveredInIdOrder() {
        assertThat(SolutionMatchRule.unmatchedMustHaves(List.of(req("REQ-3", "must", "c", "not-covered", null),
            req("REQ-1", "must", " ", null, null)))).containsExactly(
            Problem.of("requirements.signoff.noCriterion", "REQ-1", "finance"),
            Problem.of("requirements.signoff.notMatched", "REQ-1", "finance"),
            Problem.of("requirements.signoff.notCovered", "REQ-3", "finance"));
    }

    @Test
    void withdrawnMustHavesDontCount() {
        assertThat(SolutionMatchRule.unmatchedMustHaves(List.of(req("REQ-1", "must", null, null,
            Requirement.WITHDRAWN)))).isEmpty();
    }
}
