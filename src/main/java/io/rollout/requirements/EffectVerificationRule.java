package io.rollout.requirements;

import io.rollout.gate.Finding;
import io.rollout.gate.GateOutcome;
import io.rollout.gate.GateRule;
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
final class EffectVerificationRule implements GateRule<EffectVerificationRule.Input, GateOutcome> {

    /**
     * A department owner's verdict on one requirement.
     *
     * @param verified whether the matched solution delivers the expected effect
     * @param comment  why not, or a remark
     */
    record Verdict(String reqId, boolean verified, String comment) {}

    /**
     * What the check decides on.
     *
     * @param latestVerdicts the latest verdict on each requirement that has one
     */
    record Input(List<Requirement> requirements, List<Verdict> latestVerdicts) {

        /** A one-line summary for the decision log: how many requirements need a verdict. */
        String summary() {
            return requirements.stream().filter(r -> !r.isWithdrawn()).count() + " requirements";
        }
    }

    /** One finding per requirement not verified (with the owner's comment) or never verified. */
    @Override
    public GateOutcome decide(Input input) {
        Map<String, Verdict> byId = input.latestVerdicts().stream()
                .collect(Collectors.toMap(Verdict::reqId, Function.identity(), (a, b) -> b));
        List<Finding> findings = new ArrayList<>();
        input.requirements().stream()
                .filter(r -> !r.isWithdrawn())
                .sorted(Comparator.comparing(Requirement::reqId))
                .forEach(r -> {
                    Verdict verdict = byId.get(r.reqId());
                    if (verdict == null) {
                        findings.add(Finding.of("requirements.verify.missing", r.reqId(), r.department()));
                    } else if (!verdict.verified()) {
                        findings.add(Finding.of(
                                "requirements.verify.notVerified",
                                r.reqId(),
                                r.department(),
                                verdict.comment() == null ? "" : verdict.comment()));
                    }
                });
        return GateOutcome.of(findings);
    }
}
