package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.keyword.UnknownKeywordFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every element template in {@code bpmn/.camunda/element-templates} is valid against Camunda's element templates JSON
 * schema ({@code #/definitions/template}), as Modeler checks it before offering the template. The schema and its
 * error messages are vendored in {@code src/test/resources/element-templates}: {@code resources/} of the npm package
 * {@code @camunda/element-templates-json-schema} 0.22.1, MIT licence ({@code LICENSE} beside them).
 */
class ElementTemplatesSchemaTests {

    static final Path TEMPLATES = Path.of("bpmn/.camunda/element-templates");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Schema TEMPLATE = templateSchema();

    @Test
    void everyTemplateOfEveryFileIsValidAgainstModelersSchema() throws Exception {
        Map<String, List<String>> invalid = new TreeMap<>();
        Set<String> files = new HashSet<>();
        Set<String> idVersions = new HashSet<>();
        try (Stream<Path> list = Files.list(TEMPLATES)) {
            for (Path file : list.filter(f -> f.toString().endsWith(".json")).toList()) {
                files.add(file.getFileName().toString());
                JsonNode templates = JSON.readTree(Files.readString(file));
                assertThat(templates.isArray() && !templates.isEmpty())
                        .as(file.toString())
                        .isTrue();
                for (JsonNode template : templates) {
                    String id = template.path("id").asText();
                    List<String> errors = errors(template);
                    if (!errors.isEmpty()) {
                        invalid.put(file.getFileName() + " " + id, errors);
                    }
                    // Modeler refuses a second template with the same id and version
                    assertThat(idVersions.add(
                                    id + "@" + template.path("version").asText()))
                            .as(id)
                            .isTrue();
                }
            }
        }
        assertThat(files).contains("rollout-delegates.json", "rollout-tasks.json");
        assertThat(invalid).isEmpty();
    }

    @Test
    void aDropdownWithoutChoicesIsASchemaError() throws Exception {
        ObjectNode template = firstTaskTemplate();
        ObjectNode dropdown = (ObjectNode) template.path("properties").get(0);
        assertThat(dropdown.path("type").asText()).isEqualTo("Dropdown");
        assertThat(errors(template)).isEmpty();

        dropdown.remove("choices");

        assertThat(errors(template)).anySatisfy(error -> assertThat(error).contains("/properties/0", "choices"));
    }

    @Test
    void aTaskListenerBindingIsASchemaErrorBecauseTemplatesCannotSetOne() throws Exception {
        ObjectNode template = firstTaskTemplate();
        ObjectNode listener = ((ArrayNode) template.path("properties")).addObject();
        listener.put("type", "Hidden").put("value", "${planReview}");
        listener.putObject("binding").put("type", "camunda:taskListener").put("event", "create");

        assertThat(errors(template)).anySatisfy(error -> assertThat(error).contains("binding/type", "enumeration"));
    }

    static List<String> errors(JsonNode template) {
        return TEMPLATE.validate(template.toString(), InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }

    static ObjectNode firstTaskTemplate() throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(TEMPLATES.resolve("rollout-tasks.json")))
                .get(0);
    }

    /**
     * The schema with its error messages put in place as ajv-errors {@code errorMessage} keywords, the way Modeler's
     * validator loads it. Those messages and any other keyword that draft 7 does not know are annotations here,
     * never validation errors.
     */
    static Schema templateSchema() {
        JsonNode schema = resource("schema.json");
        for (JsonNode message : resource("error-messages.json")) {
            JsonNode node = schema;
            for (JsonNode step : message.path("path")) {
                node = step.isInt() ? node.path(step.asInt()) : node.path(step.asText());
            }
            if (node instanceof ObjectNode object) {
                object.set("errorMessage", message.path("errorMessage"));
            }
        }
        Dialect draft7 = Dialect.builder(Dialects.getDraft7())
                .keyword(new NonValidationKeyword("errorMessage"))
                .unknownKeywordFactory(UnknownKeywordFactory.getInstance())
                .build();
        String id = schema.path("$id").asText();
        SchemaRegistry registry =
                SchemaRegistry.withDefaultDialect(draft7, builder -> builder.schemas(Map.of(id, schema.toString())));
        return registry.getSchema(SchemaLocation.of(id + "#/definitions/template"));
    }

    static JsonNode resource(String name) {
        try (InputStream in = ElementTemplatesSchemaTests.class.getResourceAsStream("/element-templates/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
