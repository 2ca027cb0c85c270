package io.rollout.requirements;

import io.rollout.shared.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which must-have requirements are not ready for the departments to verify: without an acceptance criterion,
 * without a matched solution, or matched as {@code not-covered}. Withdrawn requirements don't count. The rule
 * of {@code ServiceTask_CheckSolutionMatch} (delegate {@code solutionMatchCheck}) and the first part of
 * {@link RequirementSignOffRule}. Plain class.
 */
final class SolutionMatchRule {

    private SolutionMatchRule() {
    }

    /** One finding per missing item, in requirement id order; empty when every must-have is matched. */
    static List<Problem> unmatchedMustHaves(List<Requirement> requirements) {
        List<Problem> findings = new ArrayList<>();
        requirements.stream().filter(r -> r.isMust() && !r.isWithdrawn())
            .sorted(Comparator.comparing(Requirement::reqId)).forEach(r -> {
                if (r.acceptanceCriterion() == null || r.acceptanceCriterion().isBlank()) {
                    findings.add(Problem.of("requirements.signoff.noCriterion", r.reqId(), r.department()));
                }
                if (r.solutionMatch() == null) {
                    findings.add(Problem.of("requirements.signoff.notMatched", r.reqId(), r.department()));
                } else if (RequirementFields.NOT_COVERED.equals(r.solutionMatch())) {
                    findings.add(Problem.of("requirements.signoff.notCovered", r.reqId(), r.department()));
                }
            });
        return findings;
    }
}
