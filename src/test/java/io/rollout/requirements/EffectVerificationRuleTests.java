package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.requirements.EffectVerificationRule.Verdict;
import io.rollout.shared.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectVerificationRuleTests {

    static Requirement req(String id, String status) {
        return new Requirement("P", id, "sales", "Title " + id, null, null, null, "must", "c", "standard", status,
            null, null);
    }

    @Test
    void passesWhenEveryRequirementsLatestVerdictIsVerified() {
        assertThat(EffectVerificationRule.notVerified(List.of(req("REQ-1", null), req("REQ-2", null)),
            List.of(new Verdict("REQ-1", true, null), new Verdict("REQ-2", true, "fine")))).isEmpty();
    }

    @Test
    void namesRequirementsNotVerifiedWithTheCommentAndThoseNeverVerified() {
        assertThat(EffectVerificationRule.notVerified(List.of(req("REQ-2", null), req("REQ-1", null)),
            List.of(new Verdict("REQ-1", false, "Too slow")))).containsExactly(
            Problem.of("requirements.verify.notVerified", "REQ-1", "sales", "Too slow"),
            Problem.of("requirements.verify.missing", "REQ-2", "sales"));
    }

    @Test
    void withdrawnRequirementsNeedNoVerdict() {
        assertThat(EffectVerificationRule.notVerified(List.of(req("REQ-1", Requirement.WITHDRAWN)), List.of()))
            .isEmpty();
    }
}
