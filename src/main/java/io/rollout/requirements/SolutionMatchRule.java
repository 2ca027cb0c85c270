package io.rollout.requirements;

import io.rollout.gate.Finding;
import io.rollout.gate.GateOutcome;
import io.rollout.gate.GateRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which must-have requirements are not ready for the departments to verify: without an acceptance criterion,
 * without a matched solution, or matched as {@code not-covered}. Withdrawn requirements don't count. The rule
 * of {@code ServiceTask_CheckSolutionMatch} (delegate {@code solutionMatchCheck}) and the first part of
 * {@link RequirementSignOffRule}. Plain class.
 */
final class SolutionMatchRule implements GateRule<SolutionMatchRule.Input, GateOutcome> {

    /** What the check decides on: the project's requirements. */
    record Input(List<Requirement> requirements) {

        /** A one-line summary for the decision log: how many must-haves among how many requirements. */
        String summary() {
            return requirements.stream()
                            .filter(r -> r.isMust() && !r.isWithdrawn())
                            .count() + " must-haves of " + requirements.size() + " requirements";
        }
    }

    @Override
    public GateOutcome decide(Input input) {
        return GateOutcome.of(unmatchedMustHaves(input.requirements()));
    }

    /** One finding per missing item, in requirement id order; empty when every must-have is matched. */
    static List<Finding> unmatchedMustHaves(List<Requirement> requirements) {
        List<Finding> findings = new ArrayList<>();
        requirements.stream()
                .filter(r -> r.isMust() && !r.isWithdrawn())
                .sorted(Comparator.comparing(Requirement::reqId))
                .forEach(r -> {
                    if (r.acceptanceCriterion() == null
                            || r.acceptanceCriterion().isBlank()) {
                        findings.add(Finding.of("requirements.signoff.noCriterion", r.reqId(), r.department()));
                    }
                    if (r.solutionMatch() == null) {
                        findings.add(Finding.of("requirements.signoff.notMatched", r.reqId(), r.department()));
                    } else if (RequirementFields.NOT_COVERED.equals(r.solutionMatch())) {
                        findings.add(Finding.of("requirements.signoff.notCovered", r.reqId(), r.department()));
                    }
                });
        return findings;
    }
}
