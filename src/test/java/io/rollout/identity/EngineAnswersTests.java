package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.shared.TestTranslations;
import io.rollout.shared.Translations;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EngineAnswersTests {

    final ObjectMapper json = new ObjectMapper();
    final EngineAnswers answers = new EngineAnswers(TestTranslations.chinese(), json);

    static final String FILTERS = """
            [{"id": "f1", "name": "My tasks", "properties": {"description": "Tasks assigned to me",
              "variables": [{"name": "projectCode", "label": "Project"}], "priority": -10}}]""";

    @Test
    void aFiltersNameDescriptionAndVariableLabelsReachAChineseReaderInChinese() throws Exception {
        JsonNode filter =
                json.readTree(answers.names(FILTERS, Translations.CHINESE)).get(0);

        assertThat(filter.path("name").asText()).isEqualTo("我的任务");
        assertThat(filter.at("/properties/variables/0/label").asText()).isEqualTo("项目");
        assertThat(filter.at("/properties/variables/0/name").asText()).isEqualTo("projectCode");
        assertThat(filter.at("/properties/description").asText()).doesNotContainPattern("[A-Za-z]{2,}");
    }

    @Test
    void anEnglishReaderGetsTheFilterAsStored() throws Exception {
        assertThat(json.readTree(answers.names(FILTERS, Locale.ENGLISH))).isEqualTo(json.readTree(FILTERS));
    }
}
