package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.identity.EngineAnswers.Kind;
import io.rollout.shared.TestTranslations;
import io.rollout.shared.Translations;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EngineAnswersTests {

    final ObjectMapper json = new ObjectMapper();
    final EngineAnswers answers = new EngineAnswers(TestTranslations.chinese(), json);

    @Test
    void theKindOfAnAnswerFollowsItsPath() {
        assertThat(EngineAnswers.kind(List.of("task", "1", "deployed-form"))).isEqualTo(Kind.FORM);
        assertThat(EngineAnswers.kind(List.of("process-definition", "key", "p", "deployed-start-form")))
                .isEqualTo(Kind.FORM);
        assertThat(EngineAnswers.kind(List.of("task", "1", "form-variables"))).isEqualTo(Kind.FORM_VARIABLES);
        assertThat(EngineAnswers.kind(List.of("process-definition", "1", "xml")))
                .isEqualTo(Kind.XML);
        assertThat(EngineAnswers.kind(List.of("task", "1", "variables"))).isEqualTo(Kind.UNTOUCHED);
        assertThat(EngineAnswers.kind(List.of("history", "variable-instance"))).isEqualTo(Kind.UNTOUCHED);
        assertThat(EngineAnswers.kind(List.of("task", "count"))).isEqualTo(Kind.UNTOUCHED);
        assertThat(EngineAnswers.kind(List.of("filter", "1", "list"))).isEqualTo(Kind.NAMES);
    }

    @Test
    void namesAreTranslatedAtAnyDepthAndOtherValuesStay() throws Exception {
        String hal = "{\"_embedded\":{\"task\":[{\"id\":\"Finance\",\"name\":\"Capture requirements for Finance\"}]},"
                + "\"count\":1}";

        JsonNode translated = json.readTree(answers.names(hal, Translations.CHINESE));

        JsonNode task = translated.path("_embedded").path("task").get(0);
        assertThat(task.path("name").asText()).contains("财务部").doesNotContain("Capture");
        assertThat(task.path("id").asText()).isEqualTo("Finance");
    }

    @Test
    void aFormsFieldsKeepTheirValuesAndWhatItOnlyShowsIsTranslated() throws Exception {
        String variables = "{\"department\":{\"type\":\"String\",\"value\":\"Finance\"},"
                + "\"departmentName\":{\"type\":\"String\",\"value\":\"Finance\"},"
                + "\"departmentOptions\":{\"type\":\"Json\",\"value\":\"[{\\\"label\\\":\\\"Finance\\\","
                + "\\\"value\\\":\\\"Finance\\\"}]\"}}";

        JsonNode translated = json.readTree(
                answers.formVariables(variables, Optional.of(Set.of("department")), Translations.CHINESE));

        assertThat(translated.path("department").path("value").asText()).isEqualTo("Finance");
        assertThat(translated.path("departmentName").path("value").asText()).isEqualTo("财务部");
        JsonNode option = json.readTree(
                        translated.path("departmentOptions").path("value").asText())
                .get(0);
        assertThat(option.path("label").asText()).isEqualTo("财务部");
        assertThat(option.path("value").asText()).isEqualTo("Finance");
    }

    @Test
    void aCodeAFormComparesStaysACode() throws Exception {
        String variables = "{\"severity\":{\"type\":\"String\",\"value\":\"high\"},"
                + "\"kind\":{\"type\":\"Json\",\"value\":\"[\\\"risk\\\"]\"}}";

        JsonNode translated =
                json.readTree(answers.formVariables(variables, Optional.of(Set.of()), Translations.CHINESE));

        assertThat(translated.path("severity").path("value").asText()).isEqualTo("high");
        assertThat(translated.path("kind").path("value").asText()).isEqualTo("[\"risk\"]");
    }

    @Test
    void withoutAKnownFormNoVariableIsTranslated() throws Exception {
        String variables = "{\"departmentName\":{\"type\":\"String\",\"value\":\"Finance\"}}";

        assertThat(answers.formVariables(variables, Optional.empty(), Translations.CHINESE))
                .isEqualTo(variables);
    }

    @Test
    void aModelsXmlKeepsItsExpressionsInTheTranslatedNames() throws Exception {
        String xml = "{\"id\":\"p:1\",\"bpmn20Xml\":\"<bpmn:userTask id=\\\"T\\\" "
                + "name=\\\"Capture requirements for ${names.department(department)}\\\"/>\"}";

        String translated = json.readTree(answers.xml(xml, Translations.CHINESE))
                .path("bpmn20Xml")
                .asText();

        assertThat(translated).contains("${names.department(department)}").doesNotContain("Capture requirements");
    }
}
