package io.rollout.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.build.BuildRules.ConfigurationItem;
import io.rollout.build.BuildRules.Customisation;
import io.rollout.build.BuildRules.Result;
import io.rollout.shared.FormInput;
import io.rollout.shared.FormRow;
import io.rollout.shared.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class BuildRulesTests {

    private static final Predicate<String> REQUIREMENTS = "REQ-1"::equals;

    private static FormRow row(int number, Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new FormRow(number, values);
    }

    private static List<String> codes(Result<?> result) {
        return result.problems().stream().map(Problem::code).toList();
    }

    @Test
    void acceptsConfigurationItemsWithAndWithoutRequirement() {
        Result<List<ConfigurationItem>> result = BuildRules.configuration(List.of(
            row(1, "type", "field-mapping", "description", "Map vendor codes", "requirementId", "REQ-1"),
            row(2, "type", "approval-flow", "description", "Two-step PO approval"),
            row(3, "type", "", "description", "")), "Purchasing basics", REQUIREMENTS);

        assertThat(result.valid()).isTrue();
        assertThat(result.value()).containsExactly(new ConfigurationItem("field-mapping", "Map vendor codes", "REQ-1"),
            new ConfigurationItem("approval-flow", "Two-step PO approval", null));
    }

    @Test
    void refusesAnIterationWithoutGoalOrItems() {
        assertThat(codes(BuildRules.configuration(List.of(), null, REQUIREMENTS)))
            .containsExactly("form.field.required", "build.configuration.none");
    }

    @Test
    void refusesUnknownTypeMissingDescriptionAndUnknownRequirement() {
        Result<List<ConfigurationItem>> result = BuildRules.configuration(List.of(
            row(1, "type", "report", "description", "x"),
            row(2, "type", "permission", "requirementId", "REQ-9")), "Goal", REQUIREMENTS);

        assertThat(codes(result)).containsExactly("form.row.choice", "form.row.required", "build.requirement.unknown");
        assertThat(result.problems()).extracting(p -> p.args()[0]).containsExactly(1, 2, 2);
        assertThat(result.value()).isNull();
    }

    @Test
    void acceptsNoCustomisationsAtAll() {
        Result<List<Customisation>> result = BuildRules.customisations(List.of(), REQUIREMENTS);
        assertThat(result.valid()).isTrue();
        assertThat(result.value()).isEmpty();
    }

    @Test
    void acceptsAJustifiedCustomisation() {
        Result<List<Customisation>> result = BuildRules.customisations(List.of(row(1, "kind", "interface",
            "description", "MES link", "justification", "No standard connector", "effortDays", 5.0)), REQUIREMENTS);
        assertThat(result.value()).containsExactly(new Customisation("interface", "MES link", "No standard connector", 5,
            null));
    }

    @Test
    void refusesCustomisationWithoutJustificationOrWithBadEffort() {
        Result<List<Customisation>> result = BuildRules.customisations(List.of(
            row(1, "kind", "plugin", "description", "Extra field", "effortDays", 2),
            row(2, "kind", "script", "description", "Fix", "justification", "Needed", "effortDays", "1.5"),
            row(3, "kind", "macro", "description", "Fix", "justification", "Needed", "effortDays", 0)), REQUIREMENTS);

        assertThat(codes(result)).containsExactly("form.row.required", "build.customisation.effort", "form.row.choice",
            "build.customisation.effort");
        assertThat(result.problems()).extracting(p -> p.args()[0]).containsExactly(1, 2, 3, 3);
    }

    @Test
    void acceptanceNeedsADecisionAndACommentWhenRejected() {
        assertThat(BuildRules.acceptance(true, null).value()).isTrue();
        assertThat(BuildRules.acceptance(false, "Approval flow missing").value()).isFalse();
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
