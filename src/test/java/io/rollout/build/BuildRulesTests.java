package io.rollout.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.build.BuildRules.ConfigurationItem;
import io.rollout.build.BuildRules.Customisation;
import io.rollout.build.BuildRules.Demo;
import io.rollout.build.BuildRules.DemoInput;
import io.rollout.shared.Checked;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class BuildRulesTests {

    static final Predicate<String> REQUIREMENTS = "REQ-1"::equals;

    static FormRow row(int number, Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new FormRow(number, values);
    }

    static List<String> codes(Checked<?> result) {
        return result.problems().stream().map(Problem::code).toList();
    }

    @Test
    void acceptsEveryTypeOfConfigurationItemWithItsOwnFields() {
        Checked<List<ConfigurationItem>> result = BuildRules.configuration(
                List.of(
                        row(
                                1,
                                "type",
                                "field-mapping",
                                "sourceField",
                                "old.vendor_no",
                                "targetField",
                                "supplier.code",
                                "requirementId",
                                "REQ-1"),
                        row(
                                2,
                                "type",
                                "permission",
                                "role",
                                "buyer",
                                "function",
                                "create purchase order",
                                "requirementId",
                                "REQ-1"),
                        row(
                                3,
                                "type",
                                "approval-flow",
                                "documentType",
                                "purchase requisition",
                                "steps",
                                "head > director",
                                "requirementId",
                                "REQ-1"),
                        row(4, "type", "other", "description", "Number ranges", "requirementId", "REQ-1"),
                        row(5, "type", "", "description", "")),
                false,
                REQUIREMENTS);

        assertThat(result.valid()).isTrue();
        assertThat(result.value())
                .containsExactly(
                        new ConfigurationItem(
                                "field-mapping",
                                "REQ-1",
                                "old.vendor_no",
                                "supplier.code",
                                null,
                                null,
                                null,
                                null,
                                null),
                        new ConfigurationItem(
                                "permission", "REQ-1", null, null, "buyer", "create purchase order", null, null, null),
                        new ConfigurationItem(
                                "approval-flow",
                                "REQ-1",
                                null,
                                null,
                                null,
                                null,
                                "purchase requisition",
                                "head > director",
                                null),
                        new ConfigurationItem("other", "REQ-1", null, null, null, null, null, null, "Number ranges"));
    }

    @Test
    void theGridsTwoCellsNameWhatEachTypeNeeds() {
        Checked<List<ConfigurationItem>> result = BuildRules.configuration(
                List.of(
                        row(
                                1,
                                "type",
                                "field-mapping",
                                "subject",
                                "old.vendor_no",
                                "detail",
                                "supplier.code",
                                "requirementId",
                                "REQ-1"),
                        row(
                                2,
                                "type",
                                "permission",
                                "subject",
                                "buyer",
                                "detail",
                                "create purchase order",
                                "requirementId",
                                "REQ-1",
                                "description",
                                "Only plant 1"),
                        row(
                                3,
                                "type",
                                "approval-flow",
                                "subject",
                                "purchase requisition",
                                "detail",
                                "head > director",
                                "requirementId",
                                "REQ-1"),
                        row(4, "type", "other", "subject", "Number ranges", "requirementId", "REQ-1"),
                        row(
                                5,
                                "type",
                                "other",
                                "subject",
                                "Number ranges",
                                "description",
                                "Per plant",
                                "requirementId",
                                "REQ-1")),
                false,
                REQUIREMENTS);

        assertThat(result.value())
                .containsExactly(
                        new ConfigurationItem(
                                "field-mapping",
                                "REQ-1",
                                "old.vendor_no",
                                "supplier.code",
                                null,
                                null,
                                null,
                                null,
                                null),
                        new ConfigurationItem(
                                "permission",
                                "REQ-1",
                                null,
                                null,
                                "buyer",
                                "create purchase order",
                                null,
                                null,
                                "Only plant 1"),
                        new ConfigurationItem(
                                "approval-flow",
                                "REQ-1",
                                null,
                                null,
                                null,
                                null,
                                "purchase requisition",
                                "head > director",
                                null),
                        new ConfigurationItem("other", "REQ-1", null, null, null, null, null, null, "Number ranges"),
                        new ConfigurationItem("other", "REQ-1", null, null, null, null, null, null, "Per plant"));
    }

    @Test
    void aGridRowWithoutItsSecondCellNamesTheFieldItsTypeNeeds() {
        assertThat(BuildRules.configuration(
                                List.of(row(1, "type", "permission", "subject", "buyer", "requirementId", "REQ-1")),
                                false,
                                REQUIREMENTS)
                        .problems())
                .containsExactly(new Problem("form.row.required", 1, new Problem.Label("build.field.function")));
    }

    @Test
    void refusesAnIterationWithoutItemsUnlessItPlansCustomisations() {
        assertThat(codes(BuildRules.configuration(List.of(), false, REQUIREMENTS)))
                .containsExactly("build.configuration.none");
        assertThat(BuildRules.configuration(List.of(), true, REQUIREMENTS).valid())
                .isTrue();
    }

    @Test
    void refusesMissingTypeFieldsUnknownTypeAndMissingOrUnknownRequirement() {
        Checked<List<ConfigurationItem>> result = BuildRules.configuration(
                List.of(
                        row(1, "type", "report", "description", "x", "requirementId", "REQ-1"),
                        row(2, "type", "field-mapping", "sourceField", "a", "requirementId", "REQ-9"),
                        row(3, "type", "permission", "role", "buyer", "function", "approve")),
                false,
                REQUIREMENTS);

        assertThat(codes(result))
                .containsExactly(
                        "form.row.choice", "form.row.required", "build.requirement.unknown", "form.row.required");
        assertThat(result.problems()).extracting(p -> p.args()[0]).containsExactly(1, 2, 2, 3);
        assertThat(result.problems().get(1).args()[1]).isEqualTo(new Problem.Label("build.field.targetField"));
        assertThat(result.problems().get(3).args()[1]).isEqualTo(new Problem.Label("build.field.requirementId"));
        assertThat(result.value()).isNull();
    }

    @Test
    void acceptsNoCustomisationsAtAll() {
        Checked<List<Customisation>> result = BuildRules.customisations(List.of(), REQUIREMENTS);
        assertThat(result.valid()).isTrue();
        assertThat(result.value()).isEmpty();
    }

    @Test
    void acceptsAJustifiedCustomisationOfEveryKind() {
        Checked<List<Customisation>> result = BuildRules.customisations(
                List.of(
                        row(
                                1,
                                "kind",
                                "interface",
                                "description",
                                "MES link",
                                "justification",
                                "No standard connector",
                                "effortDays",
                                5.0,
                                "requirementId",
                                "REQ-1"),
                        row(
                                2,
                                "kind",
                                "report",
                                "description",
                                "Aging",
                                "justification",
                                "Statutory",
                                "effortDays",
                                "2",
                                "requirementId",
                                "REQ-1")),
                REQUIREMENTS);
        assertThat(result.value())
                .containsExactly(
                        new Customisation("interface", "MES link", "No standard connector", 5, "REQ-1"),
                        new Customisation("report", "Aging", "Statutory", 2, "REQ-1"));
    }

    @Test
    void refusesCustomisationWithoutJustificationRequirementOrWithBadEffort() {
        Checked<List<Customisation>> result = BuildRules.customisations(
                List.of(
                        row(
                                1,
                                "kind",
                                "plugin",
                                "description",
                                "Extra field",
                                "effortDays",
                                2,
                                "requirementId",
                                "REQ-1"),
                        row(
                                2,
                                "kind",
                                "script",
                                "description",
                                "Fix",
                                "justification",
                                "Needed",
                                "effortDays",
                                "1.5",
                                "requirementId",
                                "REQ-1"),
                        row(
                                3,
                                "kind",
                                "macro",
                                "description",
                                "Fix",
                                "justification",
                                "Needed",
                                "effortDays",
                                0,
                                "requirementId",
                                "REQ-1"),
                        row(4, "kind", "script", "description", "Fix", "justification", "Needed", "effortDays", 1)),
                REQUIREMENTS);

        assertThat(codes(result))
                .containsExactly(
                        "form.row.required",
                        "build.customisation.effort",
                        "form.row.choice",
                        "build.customisation.effort",
                        "form.row.required");
        assertThat(result.problems()).extracting(p -> p.args()[0]).containsExactly(1, 2, 3, 3, 4);
    }

    @Test
    void demoNeedsWhatWasShownAttendeesAndFeedback() {
        assertThat(BuildRules.demo("Purchase requisition", "liuyang, sunli", "Works")
                        .value())
                .isEqualTo(new Demo("Purchase requisition", "liuyang, sunli", "Works"));
        assertThat(BuildRules.demo(null, null, null).problems())
                .extracting(p -> p.args()[0])
                .containsExactly(
                        new Problem.Label("build.field.demoShown"),
                        new Problem.Label("build.field.demoAttendees"),
                        new Problem.Label("build.field.demoFeedback"));
    }

    @Test
    void demoStoresChosenAttendeesByNameFollowedByTheOthersNamed() {
        Checked<Demo> result = BuildRules.demo(
                new DemoInput("Purchase requisition", List.of("liuyang", "sunli"), "Vendor consultant", "Works"),
                Set.of("liuyang", "sunli"),
                id -> id.toUpperCase(),
                "Purchasing");

        assertThat(result.value())
                .isEqualTo(new Demo("Purchase requisition", "LIUYANG, SUNLI, Vendor consultant", "Works"));
    }

    @Test
    void demoRefusesAttendeesWhoWereNotOfferedBeforeTheMissingFields() {
        Checked<Demo> result = BuildRules.demo(
                new DemoInput(null, List.of("liuyang", "stranger"), null, null),
                Set.of("liuyang"),
                id -> id,
                "Purchasing");

        assertThat(result.problems())
                .containsExactly(
                        new Problem("build.demo.notAttendee", "stranger", "Purchasing"),
                        new Problem("form.field.required", new Problem.Label("build.field.demoShown")),
                        new Problem("form.field.required", new Problem.Label("build.field.demoFeedback")));
    }

    @Test
    void demoWithoutAnyAttendeeNeedsThem() {
        Checked<Demo> result = BuildRules.demo(
                new DemoInput("Shown", List.of(), null, "Works"), Set.of("liuyang"), id -> id, "Purchasing");

        assertThat(result.problems())
                .containsExactly(new Problem("form.field.required", new Problem.Label("build.field.demoAttendees")));
    }

    @Test
    void acceptanceNeedsADecisionAndACommentWhenRejected() {
        assertThat(BuildRules.acceptance(true, null).value()).isTrue();
        assertThat(BuildRules.acceptance(false, "Approval flow missing").value())
                .isFalse();
        assertThat(codes(BuildRules.acceptance(null, "x"))).containsExactly("form.field.required");
        assertThat(codes(BuildRules.acceptance(false, null))).containsExactly("build.acceptance.commentRequired");
    }

    @Test
    void readsYesNoAsFormsAndRestClientsSendIt() {
        assertThat(FormInput.yesNo("yes")).isTrue();
        assertThat(FormInput.yesNo(Boolean.FALSE)).isFalse();
        assertThat(FormInput.yesNo("maybe")).isNull();
        assertThat(FormInput.yesNo(null)).isNull();
    }
}
