package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class FormTextsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final UnaryOperator<String> SHOUT = text -> "[" + text + "]";

    private static JsonNode form(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void textsAreTheLabelsHelpTextsOptionsColumnsAndAdornersAtAnyDepth() throws Exception {
        JsonNode form = form("""
                {'id': 'reviewPlan', 'type': 'default', 'components': [
                  {'type': 'text', 'id': 'Text_Intro', 'text': '## Review the plan\\n\\n{{planSummary}}'},
                  {'type': 'select', 'id': 'Field_Decision', 'key': 'decision', 'label': 'Decision',
                   'description': 'The committee decides', 'values': [{'label': 'Approve', 'value': 'approve'}]},
                  {'type': 'number', 'key': 'budget', 'label': 'Budget',
                   'appearance': {'prefixAdorner': 'CNY', 'suffixAdorner': 'per month'}},
                  {'type': 'datetime', 'key': 'start', 'subtype': 'date', 'dateLabel': 'Planned start'},
                  {'type': 'dynamiclist', 'path': 'rows', 'label': 'Rows', 'components': [
                    {'type': 'textfield', 'key': 'note', 'label': 'Note', 'placeholder': 'Say why'},
                    {'type': 'table', 'dataSource': '=rows', 'columns': [{'key': 'id', 'label': 'No.'}]}
                  ]},
                  {'type': 'iframe', 'url': '/task-sheet/', 'title': 'Task sheet'},
                  {'type': 'image', 'source': '=logo', 'alt': 'Company logo'}
                ]}
                """);

        assertThat(FormTexts.texts(form))
                .containsExactly(
                        "## Review the plan\n\n{{planSummary}}",
                        "Decision",
                        "The committee decides",
                        "Approve",
                        "Budget",
                        "CNY",
                        "per month",
                        "Planned start",
                        "Rows",
                        "Note",
                        "Say why",
                        "No.",
                        "Task sheet",
                        "Company logo");
    }

    @Test
    void keysValuesConditionsDataSourcesDefaultsAndPatternsAreNoTexts() throws Exception {
        JsonNode form = form("""
                {'id': 'startProject', 'components': [
                  {'type': 'textfield', 'id': 'Field_Code', 'key': 'projectCode', 'defaultValue': 'ERP',
                   'validate': {'required': true, 'pattern': '^[A-Z]+$'},
                   'conditional': {'hide': '=kind = null'}, 'readonly': '=done', 'disabled': '=locked'},
                  {'type': 'select', 'key': 'department', 'valuesKey': 'departmentOptions', 'label': ''},
                  {'type': 'table', 'path': 'rows', 'dataSource': '=rows',
                   'values': [{'label': '  ', 'value': 'none'}]}
                ]}
                """);

        assertThat(FormTexts.texts(form)).isEmpty();
    }

    @Test
    void aFeelTextIsTranslatedInTheLiteralsItGivesAsItsResultOnly() throws Exception {
        JsonNode form = form("""
                {'components': [{'type': 'textfield', 'key': 'status',
                  'label': '=if reportKind = \\'steering\\' then \\'Overall status (RAG)\\' else \\'Status (RAG)\\''}]}
                """);

        assertThat(FormTexts.texts(form)).containsExactly("Overall status (RAG)", "Status (RAG)");
        assertThat(FormTexts.translated(form, SHOUT).at("/components/0/label").asText())
                .isEqualTo("=if reportKind = \"steering\" then \"[Overall status (RAG)]\" else \"[Status (RAG)]\"");
    }

    @Test
    void aTranslationWithQuotesStaysOneFeelLiteral() throws Exception {
        JsonNode form = form("{'label': '=if a then \\'Yes\\' else \\'No\\''}");

        JsonNode translated = FormTexts.translated(form, text -> text.equals("Yes") ? "say \"yes\"" : text);

        assertThat(translated.path("label").asText()).isEqualTo("=if a then \"say \\\"yes\\\"\" else \"No\"");
    }

    @Test
    void translatedReplacesEveryTextOfACopyAndLeavesTheFormGivenUnchanged() throws Exception {
        JsonNode form = form("""
                {'components': [{'type': 'radio', 'key': 'decision', 'label': 'Decision',
                  'values': [{'label': 'Approve', 'value': 'approve'}, {'label': 'Reject', 'value': 'reject'}]}]}
                """);
        JsonNode before = form.deepCopy();
        Map<String, String> zh = Map.of("Decision", "决定", "Approve", "批准");

        JsonNode translated = FormTexts.translated(form, zh::get);

        assertThat(form).isEqualTo(before);
        assertThat(translated.at("/components/0/label").asText()).isEqualTo("决定");
        assertThat(translated.at("/components/0/values/0/label").asText()).isEqualTo("批准");
        assertThat(translated.at("/components/0/values/0/value").asText()).isEqualTo("approve");
        assertThat(translated.at("/components/0/values/1/label").asText())
                .as("a text without a translation stays as it is")
                .isEqualTo("Reject");
    }

    private static final String HTML = """
            <form role="form" name="uploadExtract">
              <script cam-script type="text/form-script">
                var title = 'Not a text'; if (a < b && c > d) { x = '<b>no</b>'; }
              </script>
              <style>.x > p { color: red; }</style>
              <h3>Upload the extract</h3>
              <p>
                A CSV file with the
                header row. Use <code>POST /api/extracts</code>.
              </p>
              <!-- a comment -->
              <div ng-if="dryRunFindings"><strong>Last round</strong>
                <div>{{ dryRunFindings }}</div><span>Round {{ round }}</span></div>
              <input type="file" id="extractFile" cam-variable-name="extractFile" cam-variable-type="File"
                     placeholder="Choose a file" title='The extract' aria-label="Extract file" />
            </form>
            """;

    @Test
    void htmlTextsAreTheTextNodesAndTheTitlesPlaceholdersAndLabelsOfElements() {
        assertThat(FormTexts.htmlTexts(HTML))
                .containsExactly(
                        "Upload the extract",
                        "A CSV file with the header row. Use",
                        "Last round",
                        "Round {{ round }}",
                        "Choose a file",
                        "The extract",
                        "Extract file");
    }

    @Test
    void translatedHtmlReplacesOnlyTheTextsAndKeepsEveryOtherByte() {
        String translated = FormTexts.translatedHtml(HTML, SHOUT);

        assertThat(translated)
                .contains("<h3>[Upload the extract]</h3>")
                .contains("<p>\n    [A CSV file with the header row. Use] <code>POST /api/extracts</code>.\n  </p>")
                .contains("<strong>[Last round]</strong>")
                .contains("<div>{{ dryRunFindings }}</div><span>[Round {{ round }}]</span>")
                .contains("placeholder=\"[Choose a file]\" title='[The extract]' aria-label=\"[Extract file]\"")
                .contains("cam-variable-name=\"extractFile\" cam-variable-type=\"File\"");
        assertThat(FormTexts.translatedHtml(HTML, text -> text)).isEqualTo(HTML);
        assertThat(FormTexts.translatedHtml(HTML, text -> null)).isEqualTo(HTML);
        assertThat(FormTexts.translatedHtml(HTML, SHOUT))
                .as("scripts, styles and comments stay as they are")
                .contains("var title = 'Not a text'; if (a < b && c > d) { x = '<b>no</b>'; }")
                .contains("<style>.x > p { color: red; }</style>")
                .contains("<!-- a comment -->");
    }

    @Test
    void aTranslationCannotEndAnAttributeEarly() {
        String html = "<input placeholder=\"Name\">";

        assertThat(FormTexts.translatedHtml(html, text -> "say \"name\""))
                .isEqualTo("<input placeholder=\"say &quot;name&quot;\">");
    }

    /** The script of Camunda's web apps with form-js in it. */
    private static final String FORM_JS = "META-INF/resources/webjars/camunda/lib/deps.js";

    /** Where each validation message is in Tasklist's form-js, as its minified source writes it. */
}
