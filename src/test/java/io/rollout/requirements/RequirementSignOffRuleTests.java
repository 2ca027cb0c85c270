package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.gate.Finding;
import io.rollout.gate.GateOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequirementSignOffRuleTests {

    static final List<String> DEPARTMENTS = List.of("finance", "sales");

    static Requirement req(String id, String department, String priority, String criterion, String match) {
        return new Requirement(
                "P",
                id,
                department,
                "Title " + id,
                null,
                null,
                null,
                priority,
                criterion,
                match,
                null,
                "u",
                Instant.EPOCH);
    }

    static SpecificationApprovalRecord approval(int version, String department, boolean approved, String comment) {
        return new SpecificationApprovalRecord(
                "P", version, department, "owner-" + department, approved, comment, Instant.EPOCH);
    }

    final List<Requirement> requirements = new ArrayList<>(List.of(
            req("REQ-FIN-001", "finance", "must", "Approval within 2 days", "configuration"),
            req("REQ-FIN-002", "finance", "could", null, null),
            req("REQ-SAL-001", "sales", "must", "100 % of customers in the system", "standard")));
    final List<SpecificationApprovalRecord> approvals =
            new ArrayList<>(List.of(approval(2, "finance", true, null), approval(2, "sales", true, null)));

    GateOutcome check(int version) {
        String hash = SpecificationHash.of(requirements);
        return new RequirementSignOffRule()
                .decide(new RequirementSignOffRule.Input(DEPARTMENTS, requirements, version, hash, hash, approvals));
    }

    @Test
    void passesWhenMustHavesAreCompleteAndEveryDepartmentApprovedTheCurrentVersion() {
        GateOutcome outcome = check(2);
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.findings()).isEmpty();
    }

    @Test
    void couldAndShouldRequirementsNeedNeitherCriterionNorSolution() {
        requirements.add(req("REQ-SAL-002", "sales", "should", null, "not-covered"));
        assertThat(check(2).passed()).isTrue();
    }

    @Test
    void signOffFailsWhenAMustHaveHasNoAcceptanceCriterion() {
        requirements.set(0, req("REQ-FIN-001", "finance", "must", " ", "configuration"));
        assertThat(check(2).findings())
                .containsExactly(Finding.of("requirements.signoff.noCriterion", "REQ-FIN-001", "finance"));
    }

    @Test
    void signOffFailsWhenAMustHaveIsNotMatchedOrNotCovered() {
        requirements.set(0, req("REQ-FIN-001", "finance", "must", "c", null));
        requirements.set(2, req("REQ-SAL-001", "sales", "must", "c", "not-covered"));
        assertThat(check(2).findings())
                .containsExactly(
                        Finding.of("requirements.signoff.notMatched", "REQ-FIN-001", "finance"),
                        Finding.of("requirements.signoff.notCovered", "REQ-SAL-001", "sales"));
    }

    @Test
    void signOffFailsWhenADepartmentHasNoRequirement() {
        requirements.remove(2);
        assertThat(check(2).findings()).containsExactly(Finding.of("requirements.signoff.noRequirements", "sales"));
    }

    @Test
    void signOffFailsWhenADepartmentHasNotApproved() {
        approvals.remove(1);
        assertThat(check(2).findings()).containsExactly(Finding.of("requirements.signoff.approvalMissing", "sales", 2));
    }

    @Test
    void signOffFailsWhenOneDepartmentApprovedAnOlderVersion() {
        approvals.set(1, approval(1, "sales", true, null));
        assertThat(check(2).findings())
                .containsExactly(Finding.of("requirements.signoff.approvalOutdated", "sales", 1, 2));
    }

    @Test
    void signOffFailsWhenADepartmentRejectedTheCurrentVersionEvenIfItAlsoApproved() {
        approvals.add(approval(2, "finance", false, "Cost centres missing"));
        assertThat(check(2).findings())
                .containsExactly(Finding.of(
                        "requirements.signoff.rejected", "finance", 2, "owner-finance", "Cost centres missing"));
    }

    @Test
    void aRejectionOfAnOlderVersionDoesNotCount() {
        approvals.add(approval(1, "finance", false, "old"));
        assertThat(check(2).passed()).isTrue();
    }

    @Test
    void signOffFailsWhenRequirementsChangedAfterFreezing() {
        String frozen = SpecificationHash.of(requirements);
        requirements.set(1, req("REQ-FIN-002", "finance", "should", null, null));
        GateOutcome outcome = new RequirementSignOffRule()
                .decide(new RequirementSignOffRule.Input(
                        DEPARTMENTS, requirements, 2, frozen, SpecificationHash.of(requirements), approvals));
        assertThat(outcome.findings()).containsExactly(Finding.of("requirements.signoff.changed", 2));
    }

    @Test
    void signOffFailsWhenNoVersionWasFrozen() {
        String hash = SpecificationHash.of(requirements);
        GateOutcome outcome = new RequirementSignOffRule()
                .decide(new RequirementSignOffRule.Input(DEPARTMENTS, requirements, null, null, hash, approvals));
        assertThat(outcome.findings()).containsExactly(Finding.of("requirements.signoff.notFrozen"));
    }

    @Test
    void withdrawnRequirementsDontCountForMustHavesOrDepartmentCoverage() {
        requirements.set(
                2, req("REQ-SAL-001", "sales", "must", null, "not-covered").with("REQ-SAL-001", Requirement.WITHDRAWN));
        assertThat(check(2).findings()).containsExactly(Finding.of("requirements.signoff.noRequirements", "sales"));
    }

    @Test
    void summaryNamesVersionHashCountsAndWhoApprovedWhichDepartment() {
        approvals.add(approval(1, "sales", false, "old"));
        approvals.set(1, approval(2, "sales", false, "No"));
        String hash = SpecificationHash.of(requirements);
        var inputs = new RequirementSignOffRule.Input(DEPARTMENTS, requirements, 2, hash, hash, approvals);
        assertThat(inputs.summary())
                .isEqualTo("version 2; hash " + hash + "; departments finance,sales;"
                        + " requirements 3 (must 2); approvers of this version: finance=owner-finance at 1970-01-01T00:00:00Z,"
                        + " sales=owner-sales (rejected) at 1970-01-01T00:00:00Z");
    }
}
