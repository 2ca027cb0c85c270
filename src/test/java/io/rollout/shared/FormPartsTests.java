package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link FormParts}: how a shared part reaches the forms that use it, on forms made up here. */
class FormPartsTests {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String PART = """
        {"components": [{"type": "textarea", "key": "resolution", "label": "Resolution",
                         "validate": {"required": true, "maxLength": 2000}}],
         "usedBy": [{"form": "a.form", "in": "List_Entries", "keys": ["resolution"]}, {"form": "b.form", "keys": ["resolution"]}]}
        """;
    static final String FORM_A = """
        {"id": "a", "components": [{"type": "dynamiclist", "id": "List_Entries", "path": "entries", "components": [
          {"type": "textarea", "id": "Field_A", "key": "resolution", "label": "Resolution", "layout": {"columns": 4},
           "validate": {"required": true, "maxLength": 2000}}]}]}
        """;
    static final String FORM_B = """
        {"id": "b", "components": [{"type": "textfield", "id": "Field_B", "key": "resolution", "label": "What was done"}]}
        """;
    static final String FORM_B_AS_MADE = """
        {"id": "b", "components": [{"type": "textarea", "id": "Field_B", "key": "resolution", "label": "Resolution",
          "validate": {"required": true, "maxLength": 2000}}]}
        """;

    @Test
    void aPartSetsItsPropertiesInEveryFormThatUsesItAndLeavesTheFormsOwn() throws IOException {
        Map<String, ObjectNode> made = FormParts.made(List.of(part(PART)), forms(FORM_A, FORM_B));

        JsonNode a = made.get("a.form").at("/components/0/components/0");
        assertThat(a.path("id").asText()).isEqualTo("Field_A");
        assertThat(a.path("layout").path("columns").asInt()).isEqualTo(4);
        JsonNode b = made.get("b.form").at("/components/0");
        assertThat(b.path("id").asText()).isEqualTo("Field_B");
        assertThat(b.path("type").asText()).isEqualTo("textarea");
        assertThat(b.path("label").asText()).isEqualTo("Resolution");
        assertThat(b.path("validate").path("maxLength").asInt()).isEqualTo(2000);
    }

    @Test
    void aFormThatDiffersFromItsPartIsNamed() throws IOException {
        assertThat(FormParts.differing(List.of(part(PART)), forms(FORM_A, FORM_B)))
                .containsExactly("b.form");
        assertThat(FormParts.differing(List.of(part(PART)), forms(FORM_A, FORM_B_AS_MADE)))
                .isEmpty();
    }

    @Test
    void aChangedLabelInThePartMakesEveryFormThatUsesItDiffer() throws IOException {
        FormParts.Part part = part(PART.replace("\"label\": \"Resolution\"", "\"label\": \"Solution\""));

        assertThat(FormParts.differing(List.of(part), forms(FORM_A, FORM_B_AS_MADE)))
                .containsExactly("a.form", "b.form");
    }

    @Test
    void aPartNamingAFieldThatIsMissingIsRefused() throws IOException {
        FormParts.Part unknownKey = part(PART.replace("\"keys\": [\"resolution\"]}]", "\"keys\": [\"comment\"]}]"));
        FormParts.Part unknownList = part(PART.replace("List_Entries", "List_Other"));

        assertThatThrownBy(() -> FormParts.made(List.of(unknownKey), forms(FORM_A, FORM_B)))
                .hasMessage("part.json has no component with key comment");
        assertThatThrownBy(() -> FormParts.made(List.of(unknownList), forms(FORM_A, FORM_B)))
                .hasMessage("part.json: a.form has no component List_Other");
    }

    @Test
    void aFormIsPrintedAsModelerWritesIt() throws IOException {
        String committed = Files.readString(FormParts.FORMS.resolve("capture-requirements.form"));

        assertThat(FormParts.print(JSON.readTree(committed))).isEqualTo(committed);
    }

    private static FormParts.Part part(String json) throws IOException {
        return FormParts.Part.of("part.json", JSON.readTree(json));
    }

    private static Function<String, ObjectNode> forms(String a, String b) throws IOException {
        ObjectNode formA = (ObjectNode) JSON.readTree(a);
        ObjectNode formB = (ObjectNode) JSON.readTree(b);
        return name -> (name.equals("a.form") ? formA : formB).deepCopy();
    }
}
