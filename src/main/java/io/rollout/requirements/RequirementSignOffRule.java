package io.rollout.requirements;

import io.rollout.gate.Finding;
import io.rollout.gate.GateOutcome;
import io.rollout.gate.GateRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rule of the requirement sign-off gate ({@code ServiceTask_RequirementSignOff} in
 * {@code requirementsPhase}, delegate {@code requirementSignOff}). The specification may be baselined only when
 * <ol>
 *   <li>every must-have requirement has an acceptance criterion and a matched solution (not
 *       {@code not-covered}), see {@link SolutionMatchRule},</li>
 *   <li>every department in scope has at least one requirement (withdrawn ones don't count),</li>
 *   <li>every department in scope approved the current version and none rejected it,</li>
 *   <li>the requirements are unchanged since that version was frozen.</li>
 * </ol>
 * Otherwise it names what is missing, one finding per requirement, department or version. Plain class.
 */
final class RequirementSignOffRule implements GateRule<RequirementSignOffRule.Input, GateOutcome> {

    /**
     * What the gate decides on.
     *
     * @param version     the frozen version being signed off, {@code null} when none was frozen
     * @param frozenHash  the hash stored when that version was frozen
     * @param currentHash the hash of the requirements now
     * @param approvals   approvals of every version; only those of {@code version} count
     */
    record Input(
            List<String> departments,
            List<Requirement> requirements,
            Integer version,
            String frozenHash,
            String currentHash,
            List<SpecificationApprovalRecord> approvals) {

        /**
         * A one-line summary for the decision log: the version and its hash, the requirements, and who approved
         * (or rejected) which department for this version.
         */
        String summary() {
            long must = requirements.stream()
                    .filter(r -> r.isMust() && !r.isWithdrawn())
                    .count();
            String decided = approvals.stream()
                    .filter(a -> version != null && a.version() == version)
                    .map(a -> a.department() + "=" + a.approver() + (a.approved() ? "" : " (rejected)") + " at "
                            + a.decidedAt())
                    .collect(Collectors.joining(", "));
            return "version " + version + "; hash " + currentHash + "; departments " + String.join(",", departments)
                    + "; requirements " + requirements.size() + " (must " + must + "); approvers of this version: "
                    + (decided.isEmpty() ? "none" : decided);
        }
    }

    @Override
    public GateOutcome decide(Input in) {
        List<Finding> findings = new ArrayList<>(SolutionMatchRule.unmatchedMustHaves(in.requirements()));
        List<Requirement> sorted = in.requirements().stream()
                .filter(r -> !r.isWithdrawn())
                .sorted(Comparator.comparing(Requirement::reqId))
                .toList();
        for (String department : in.departments()) {
            if (sorted.stream().noneMatch(r -> department.equals(r.department()))) {
                findings.add(Finding.of("requirements.signoff.noRequirements", department));
            }
        }
        if (in.version() == null) {
            findings.add(Finding.of("requirements.signoff.notFrozen"));
            return GateOutcome.of(findings);
        }
        int version = in.version();
        for (String department : in.departments()) {
            List<SpecificationApprovalRecord> ofDepartment = in.approvals().stream()
                    .filter(a -> department.equals(a.department()))
                    .toList();
            List<SpecificationApprovalRecord> current =
                    ofDepartment.stream().filter(a -> a.version() == version).toList();
            List<SpecificationApprovalRecord> rejections =
                    current.stream().filter(a -> !a.approved()).toList();
            rejections.forEach(a -> findings.add(Finding.of(
                    "requirements.signoff.rejected",
                    department,
                    version,
                    a.approver(),
                    a.comment() == null ? "" : a.comment())));
            if (!rejections.isEmpty() || current.stream().anyMatch(SpecificationApprovalRecord::approved)) {
                continue;
            }
            Optional<SpecificationApprovalRecord> older = ofDepartment.stream()
                    .filter(a -> a.approved() && a.version() < version)
                    .max(Comparator.comparingInt(SpecificationApprovalRecord::version));
            findings.add(
                    older.isPresent()
                            ? Finding.of(
                                    "requirements.signoff.approvalOutdated",
                                    department,
                                    older.get().version(),
                                    version)
                            : Finding.of("requirements.signoff.approvalMissing", department, version));
        }
        if (in.frozenHash() == null || !in.frozenHash().equals(in.currentHash())) {
            findings.add(Finding.of("requirements.signoff.changed", version));
        }
        return GateOutcome.of(findings);
    }
}
