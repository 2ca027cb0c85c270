package io.rollout.change;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.change.ChangeRequestRules.Impact;
import io.rollout.change.ChangeRequestRules.MilestoneRef;
import io.rollout.change.ChangeRequestRules.Raise;
import io.rollout.shared.Problem;
import io.rollout.shared.Problem.Label;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeRequestRulesTests {

    static final Set<String> REQUIREMENTS = Set.of("REQ-1", "REQ-2");
    static final List<MilestoneRef> MILESTONES = List.of(
            new MilestoneRef(7, "Go-live", LocalDate.of(2026, 6, 1), "planned"),
            new MilestoneRef(8, "Specification baselined", LocalDate.of(2026, 3, 1), "completed"));

    @Test
    void aChangeNamingKnownRequirementsAndMilestonesByIdOrNamePassesWithoutDuplicates() {
        Raise raise = ChangeRequestRules.raise(
                "Add a field",
                "Asked by buyers",
                List.of("REQ-1", " REQ-1 ", ""),
                List.of("7", "Go-live"),
                REQUIREMENTS,
                MILESTONES);

        assertThat(raise.valid()).isTrue();
        assertThat(raise.requirementIds()).containsExactly("REQ-1");
        assertThat(raise.milestones()).extracting(MilestoneRef::id).containsExactly(7L);
    }

    @Test
    void aChangeWithoutDescriptionReasonOrKnownTargetsFailsWithEveryReason() {
        Raise raise = ChangeRequestRules.raise(
                null, " ", List.of("REQ-9"), List.of("Moon", "Specification baselined"), REQUIREMENTS, MILESTONES);

        assertThat(raise.problems())
                .containsExactly(
                        Problem.of("form.field.required", new Label("change.field.description")),
                        Problem.of("form.field.required", new Label("change.field.reason")),
                        Problem.of("change.requirement.unknown", "REQ-9"),
                        Problem.of("change.milestone.unknown", "Moon"),
                        Problem.of("change.milestone.completed", "Specification baselined"));
    }

    @Test
    void aChangeThatAffectsNothingFails() {
        assertThat(ChangeRequestRules.raise("x", "y", List.of(), List.of(), REQUIREMENTS, MILESTONES)
                        .problems())
                .containsExactly(Problem.of("change.affected.none"));
    }

    @Test
    void aTooLongDescriptionFails() {
        assertThat(ChangeRequestRules.raise(
                                "x".repeat(2001), "y", List.of("REQ-1"), List.of(), REQUIREMENTS, MILESTONES)
                        .problems())
                .containsExactly(Problem.of("change.text.tooLong", new Label("change.field.description"), 2000));
    }

    @Test
    void anImpactAsAFormSubmitsItPasses() {
        Impact impact = ChangeRequestRules.impact(3L, "5", 1200.5, "Medium", "ok");

        assertThat(impact.valid()).isTrue();
        assertThat(impact.effortDays()).isEqualTo(3);
        assertThat(impact.scheduleDelayDays()).isEqualTo(5);
        assertThat(impact.cost()).isEqualByComparingTo(new BigDecimal("1200.5"));
        assertThat(impact.riskLevel()).isEqualTo("medium");
    }

    @Test
    void anImpactWithMissingNegativeOrUnknownValuesFailsWithEveryReason() {
        Impact impact = ChangeRequestRules.impact(null, "1.5", "-3", "extreme", null);

        assertThat(impact.problems())
                .containsExactly(
                        Problem.of("form.field.required", new Label("change.field.effortDays")),
                        Problem.of("change.days.invalid", new Label("change.field.scheduleDelayDays"), "1.5"),
                        Problem.of("change.cost.invalid", "-3"),
                        Problem.of(
                                "form.field.choice",
                                new Label("change.field.riskLevel"),
                                "low, medium, high",
                                "extreme"));
        assertThat(ChangeRequestRules.impact(-1, 0, "abc", null, null).problems())
                .containsExactly(
                        Problem.of("change.days.invalid", new Label("change.field.effortDays"), "-1"),
                        Problem.of("change.cost.invalid", "abc"),
                        Problem.of("form.field.required", new Label("change.field.riskLevel")));
        assertThat(ChangeRequestRules.impact(0, 0, null, "low", null).problems())
                .containsExactly(Problem.of("form.field.required", new Label("change.field.cost")));
    }

    @Test
    void anApprovalNeedsNoReasonButARejectionDoes() {
        assertThat(ChangeRequestRules.decision("approve", null)).isEmpty();
        assertThat(ChangeRequestRules.decision("reject", "Too late")).isEmpty();
        assertThat(ChangeRequestRules.decision("reject", null))
                .containsExactly(Problem.of("change.decision.reasonRequired"));
        assertThat(ChangeRequestRules.decision(null, null))
                .containsExactly(Problem.of("form.field.required", new Label("change.field.decision")));
        assertThat(ChangeRequestRules.decision("maybe", null))
                .containsExactly(Problem.of(
                        "form.field.choice", new Label("change.field.decision"), "approve, reject", "maybe"));
    }

    @Test
    void aChangeRequestIsNamedByTheFirstLineOfWhatShouldChangeCutAfterAWord() {
        assertThat(ChangeRequestRules.title("Supplier rating on the purchase order\nBuyers need it"))
                .isEqualTo("Supplier rating on the purchase order");
        assertThat(ChangeRequestRules.title(
                        "Add a supplier portal where suppliers confirm purchase orders and delivery dates"))
                .isEqualTo("Add a supplier portal where suppliers confirm purchase…")
                .hasSizeLessThanOrEqualTo(60);
        assertThat(ChangeRequestRules.title("x".repeat(80))).isEqualTo("x".repeat(59) + "…");
        assertThat(ChangeRequestRules.title(null)).isEmpty();
    }
}
