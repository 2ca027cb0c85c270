package io.rollout.requirements;

import io.rollout.shared.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether the departments confirmed that the matched solutions deliver the expected effects: every requirement
 * that is not withdrawn needs a latest verdict "verified" from its department's owner. The rule of
 * {@code ServiceTask_CheckEffectVerification} (delegate {@code effectVerificationCheck}). Plain class.
 */
final class EffectVerificationRule {

    /**
     * A department owner's verdict on one requirement.
     *
     * @param verified whether the matched solution delivers the expected effect
     * @param comment  why not, or a remark
     */
    record Verdict(String reqId, boolean verified, String comment) {
    }

    private EffectVerificationRule() {
    }

    /** One finding per requirement not verified (with the owner's comment) or never verified. */
    static List<Problem> notVerified(List<Requirement> requirements, List<Verdict> latestVerdicts) {
        Map<String, Verdict> byId = latestVerdicts.stream()
            .collect(Collectors.toMap(Verdict::reqId, Function.identity(), (a, b) -> b));
        List<Problem> findings = new ArrayList<>();
        requirements.stream().filter(r -> !r.isWithdrawn()).sorted(Comparator.comparing(Requirement::reqId))
            .forEach(r -> {
                Verdict verdict = byId.get(r.reqId());
                if (verdict == null) {
                    findings.add(Problem.of("requirements.verify.missing", r.reqId(), r.department()));
                } else if (!verdict.verified()) {
                    findings.add(Problem.of("requirements.verify.notVerified", r.reqId(), r.department(),
                        verdict.comment() == null ? "" : verdict.comment()));
                }
            });
        return findings;
    }
}
