package io.rollout.build;

import static io.rollout.build.BuildRulesTests.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.build.CustomisationRules.Decision;
import io.rollout.build.CustomisationRules.Development;
import io.rollout.identity.Roles;
import io.rollout.shared.Checked;
import io.rollout.shared.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomisationRulesTests {

    static final Map<Long, String> PENDING = new LinkedHashMap<>(Map.of(7L, "Golden tax export"));

    static {
        PENDING.put(8L, "MES interface");
    }

    @Test
    void thePmoApprovesUpToTheThresholdTheSteeringCommitteeAbove() {
        assertThat(CustomisationRules.board(10, 10)).isEqualTo(Roles.PMO);
        assertThat(CustomisationRules.board(11, 10)).isEqualTo(Roles.STEERING_COMMITTEE);
    }

    @Test
    void acceptsADecisionWithAReasonOnEveryPendingCustomisation() {
        Checked<List<Decision>> result = CustomisationRules.decisions(
                List.of(
                        row(1, "customisationId", 7, "decision", "approved", "reason", "Statutory"),
                        row(
                                2,
                                "customisationId",
                                "8.0",
                                "decision",
                                "rejected",
                                "reason",
                                "Use the standard interface")),
                PENDING);

        assertThat(result.value())
                .containsExactly(
                        new Decision(7, true, "Statutory"), new Decision(8, false, "Use the standard interface"));
    }

    @Test
    void refusesMissingDecisionOrReasonAndUndecidedOrForeignCustomisations() {
        Checked<List<Decision>> result = CustomisationRules.decisions(
                List.of(
                        row(1, "customisationId", 7, "decision", "maybe", "reason", "x"),
                        row(2, "customisationId", 99, "decision", "approved"),
                        row(3, "customisationId", 7, "decision", "approved", "reason", "again")),
                PENDING);

        assertThat(result.problems())
                .extracting(Problem::code)
                .containsExactly(
                        "form.row.choice",
                        "build.approval.notPending",
                        "form.row.required",
                        "build.approval.notPending",
                        "build.approval.undecided");
        assertThat(result.problems().get(4)).isEqualTo(new Problem("build.approval.undecided", 8L, "MES interface"));
    }

    @Test
    void onlyApprovedCustomisationsMayBeDevelopedAndADeliveryNeedsANote() {
        assertThat(CustomisationRules.development(
                                List.of(
                                        row(
                                                1,
                                                "customisationId",
                                                7,
                                                "developed",
                                                true,
                                                "deliveryNote",
                                                "git: erp-ext/tax",
                                                "developedBy",
                                                "lihua"),
                                        row(2, "customisationId", 8, "developed", false, "developedBy", "lihua")),
                                Set.of(7L, 8L),
                                "lihua"::equals)
                        .value())
                .containsExactly(
                        new Development(7, true, "git: erp-ext/tax", "lihua"), new Development(8, false, null, null));

        Checked<List<Development>> refused = CustomisationRules.development(
                List.of(
                        row(1, "customisationId", 9, "developed", true, "deliveryNote", "x"),
                        row(2, "customisationId", 7, "developed", true)),
                Set.of(7L),
                "lihua"::equals);
        assertThat(refused.problems())
                .containsExactly(
                        new Problem("build.development.notApproved", 1, 9L),
                        new Problem("form.row.required", 2, new Problem.Label("build.field.deliveryNote")));
    }

    @Test
    void aDeliveryIsCreditedOnlyToADeveloper() {
        Checked<List<Development>> refused = CustomisationRules.development(
                List.of(row(
                        1,
                        "customisationId",
                        7,
                        "developed",
                        true,
                        "deliveryNote",
                        "git: erp-ext/tax",
                        "developedBy",
                        "sunli")),
                Set.of(7L),
                "lihua"::equals);

        assertThat(refused.problems()).containsExactly(new Problem("build.development.notDeveloper", 1, "sunli"));
    }
}
