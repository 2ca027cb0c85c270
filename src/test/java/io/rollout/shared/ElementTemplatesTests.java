package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The element templates Camunda Modeler shows for Rollout's delegates
 * ({@code bpmn/.camunda/element-templates/rollout-delegates.json}): one per delegate the models use, each naming a
 * delegate bean that exists and applying to the element types it is used on. {@link ElementTemplatesSchemaTests}
 * validates them against Modeler's schema.
 */
@ProcessTest
class ElementTemplatesTests {

    static final Path TEMPLATES = Path.of("bpmn/.camunda/element-templates/rollout-delegates.json");
    static final Pattern USE = Pattern.compile(
            "<bpmn:(serviceTask|businessRuleTask|sendTask)\\b[^>]*camunda:delegateExpression=\"\\$\\{([a-zA-Z]+)}\"");

    @Autowired
    ApplicationContext context;

    @Test
    void everyDelegateOfTheModelsHasAWellFormedTemplateNamingAnExistingBean() throws Exception {
        JsonNode templates = new ObjectMapper().readTree(Files.readString(TEMPLATES));
        Map<String, Set<String>> used = new HashMap<>();
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher m = USE.matcher(Files.readString(file));
                while (m.find()) {
                    used.computeIfAbsent(m.group(2), k -> new TreeSet<>())
                            .add("bpmn:" + Character.toUpperCase(m.group(1).charAt(0))
                                    + m.group(1).substring(1));
                }
            }
        }
        Set<String> ids = new HashSet<>();
        Map<String, Set<String>> templated = new HashMap<>();
        for (JsonNode t : templates) {
            assertThat(t.path("$schema").asText()).contains("element-templates-json-schema");
            assertThat(t.path("name").asText()).isNotBlank();
            assertThat(t.path("description").asText()).isNotBlank();
            assertThat(t.path("version").asInt()).isPositive();
            assertThat(ids.add(t.path("id").asText()))
                    .as("unique id %s", t.path("id"))
                    .isTrue();
            JsonNode property = t.path("properties").get(0);
            assertThat(property.path("binding").path("type").asText()).isEqualTo("property");
            assertThat(property.path("binding").path("name").asText()).isEqualTo("camunda:delegateExpression");
            String bean = property.path("value").asText().replaceAll("^\\$\\{(.*)}$", "$1");
            assertThat(context.containsBean(bean)).as("bean %s", bean).isTrue();
            assertThat(context.getBean(bean)).isInstanceOf(JavaDelegate.class);
            Set<String> applies = new TreeSet<>();
            t.path("appliesTo").forEach(a -> applies.add(a.asText()));
            templated.put(bean, applies);
        }
        assertThat(templated).isEqualTo(used);
    }
}
