package io.rollout.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.rollout.shared.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequirementFieldsTests {

    static Requirement draft(String id, String title, String priority, String match) {
        return new Requirement(null, id, "finance", title, null, null, null, priority, null, match, null, null, null);
    }

    @Test
    void generatesTheNextIdOfTheDepartment() {
        assertThat(RequirementFields.nextId("procurement", List.of())).isEqualTo("REQ-PUR-001");
        assertThat(RequirementFields.nextId("warehouse", List.of("REQ-INV-009", "REQ-INV-002", "REQ-PUR-077")))
                .isEqualTo("REQ-INV-010");
        assertThat(RequirementFields.nextId("hr", List.of("REQ-HR-001"))).isEqualTo("REQ-HR-002");
        assertThat(RequirementFields.nextId("production", List.of("req-prd-004")))
                .isEqualTo("REQ-PRD-005");
        assertThat(RequirementFields.nextId("quality", List.of())).isEqualTo("REQ-QUA-001");
        assertThat(RequirementFields.nextId("logistics", List.of())).isEqualTo("REQ-LOG-001");
    }

    @Test
    void aCompleteRowHasNoProblems() {
        assertThat(RequirementFields.check(1, draft("REQ-FIN-001", "T", "must", "standard"), k -> k))
                .isEmpty();
        assertThat(RequirementFields.check(1, draft(null, "T", "could", null), k -> k))
                .isEmpty();
    }

    @Test
    void namesRowFieldAndReasonOfEveryProblem() {
        assertThat(RequirementFields.check(4, draft("REQ FIN 1", null, "urgent", "maybe"), k -> "[" + k + "]"))
                .containsExactly(
                        Problem.of("requirements.row.idInvalid", 4, "REQ FIN 1"),
                        Problem.of("form.row.required", 4, "[title]"),
                        Problem.of("form.row.choice", 4, "[priority]", "must/should/could", "urgent"),
                        Problem.of(
                                "form.row.choice",
                                4,
                                "[solutionMatch]",
                                "standard/configuration/customisation/not-covered",
                                "maybe"));
        assertThat(RequirementFields.check(2, draft(null, "x".repeat(301), null, null), k -> k))
                .containsExactly(
                        Problem.of("form.row.required", 2, "priority"),
                        Problem.of("requirements.row.tooLong", 2, "title", 301, 300));
    }

    @Test
    void acceptsCommonSpellingsOfValuesAndChineseDepartmentNames() {
        assertThat(RequirementFields.priority(" Must ")).isEqualTo("must");
        assertThat(RequirementFields.solutionMatch("Customization")).isEqualTo("customisation");
        assertThat(RequirementFields.solutionMatch("not covered")).isEqualTo("not-covered");
        assertThat(RequirementFields.department("人力资源部")).isEqualTo("hr");
        assertThat(RequirementFields.department("Finance")).isEqualTo("finance");
    }
}
