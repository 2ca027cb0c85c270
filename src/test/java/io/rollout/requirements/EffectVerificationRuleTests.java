package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.gate.Finding;
import io.rollout.gate.GateOutcome;
import io.rollout.requirements.EffectVerificationRule.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectVerificationRuleTests {

    static Requirement req(String id, String status) {
        return new Requirement(
                "P", id, "sales", "Title " + id, null, null, null, "must", "c", "standard", status, null, null);
    }

    static GateOutcome decide(List<Requirement> requirements, List<Verdict> verdicts) {
        return new EffectVerificationRule().decide(new EffectVerificationRule.Input(requirements, verdicts));
    }

    @Test
    void passesWhenEveryRequirementsLatestVerdictIsVerified() {
        GateOutcome outcome = decide(
                List.of(req("REQ-1", null), req("REQ-2", null)),
                List.of(new Verdict("REQ-1", true, null), new Verdict("REQ-2", true, "fine")));
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.findings()).isEmpty();
    }

    @Test
    void namesRequirementsNotVerifiedWithTheCommentAndThoseNeverVerified() {
        GateOutcome outcome = decide(
                List.of(req("REQ-2", null), req("REQ-1", null)), List.of(new Verdict("REQ-1", false, "Too slow")));
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings())
                .containsExactly(
                        Finding.of("requirements.verify.notVerified", "REQ-1", "sales", "Too slow"),
                        Finding.of("requirements.verify.missing", "REQ-2", "sales"));
    }

    @Test
    void withdrawnRequirementsNeedNoVerdict() {
        assertThat(decide(List.of(req("REQ-1", Requirement.WITHDRAWN)), List.of())
                        .passed())
                .isTrue();
    }

    @Test
    void summaryCountsTheRequirementsThatAreNotWithdrawn() {
        assertThat(new EffectVerificationRule.Input(
                                List.of(req("REQ-1", null), req("REQ-2", Requirement.WITHDRAWN)), List.of())
                        .summary())
                .isEqualTo("1 requirements");
    }
}
