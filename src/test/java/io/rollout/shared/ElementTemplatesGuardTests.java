package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every element template produces only what the deployment guard lets a process owner deploy: each template is applied
 * to each element type it offers, the way Camunda Modeler applies it — every binding set to the property's value, and
 * every choice of a dropdown used once — and the resulting model is deployed, through the guard's expression policy
 * and reference check, as Modeler would deploy it.
 */
@ProcessTest
class ElementTemplatesGuardTests {

    static final Path TEMPLATES = Path.of("bpmn/.camunda/element-templates");

    @Autowired
    RepositoryService repository;

    @Test
    void aModelMadeOfEveryTemplateAndEveryChoiceDeploys() throws Exception {
        List<String> elements = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (var files = Files.list(TEMPLATES)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                for (JsonNode template : json.readTree(Files.readString(file))) {
                    for (JsonNode appliesTo : template.path("appliesTo")) {
                        int variants = 1;
                        for (JsonNode property : template.path("properties")) {
                            variants =
                                    Math.max(variants, property.path("choices").size());
                        }
                        for (int variant = 0; variant < variants; variant++) {
                            elements.add(element(template, appliesTo.asText(), variant, elements.size()));
                        }
                    }
                }
            }
        }
        assertThat(elements).hasSizeGreaterThan(29);
        String model = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://rollout.io/test">
              <bpmn:process id="templatesGuardTest" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="StartEvent_Started"/>
            %s
              </bpmn:process>
            </bpmn:definitions>
            """.formatted(String.join("\n", elements));

        List<Deployment> deployed = new ArrayList<>();
        try {
            assertThatCode(() -> deployed.add(repository
                            .createDeployment()
                            .name("element-templates-guard-test")
                            .addString("templates-guard-test.bpmn", model)
                            .deploy()))
                    .doesNotThrowAnyException();
        } finally {
            deployed.forEach(d -> repository.deleteDeployment(d.getId(), true));
        }
    }

    /** One element as Modeler makes it from the template; a dropdown takes its choice number {@code variant}. */
    static String element(JsonNode template, String appliesTo, int variant, int number) {
        String type =
                Character.toLowerCase(appliesTo.charAt("bpmn:".length())) + appliesTo.substring("bpmn:".length() + 1);
        StringBuilder attributes = new StringBuilder();
        StringBuilder extensions = new StringBuilder();
        for (JsonNode property : template.path("properties")) {
            JsonNode choices = property.path("choices");
            String value = choices.isEmpty()
                    ? property.path("value").asText(null)
                    : choices.get(variant % choices.size()).path("value").asText();
            if (value == null) {
                continue;
            }
            JsonNode binding = property.path("binding");
            String escaped = escape(value);
            switch (binding.path("type").asText()) {
                case "property" ->
                    attributes
                            .append(' ')
                            .append(binding.path("name").asText())
                            .append("=\"")
                            .append(escaped)
                            .append('"');
                case "camunda:in:businessKey" ->
                    extensions
                            .append("<camunda:in businessKey=\"")
                            .append(escaped)
                            .append("\"/>");
                case "camunda:in" ->
                    extensions
                            .append("<camunda:in ")
                            .append(binding.path("expression").asBoolean() ? "sourceExpression" : "source")
                            .append("=\"")
                            .append(escaped)
                            .append("\" target=\"")
                            .append(escape(binding.path("target").asText()))
                            .append("\"/>");
                default ->
                    throw new AssertionError("A template binding this test cannot apply yet: " + binding + " in "
                            + template.path("id").asText() + "; teach it here so its expressions are checked");
            }
        }
        String id = "Element_" + number;
        return "<bpmn:%s id=\"%s\" name=\"%s\"%s>%s</bpmn:%s>"
                .formatted(
                        type,
                        id,
                        escape(template.path("name").asText()),
                        attributes,
                        extensions.isEmpty()
                                ? ""
                                : "<bpmn:extensionElements>" + extensions + "</bpmn:extensionElements>",
                        type);
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
