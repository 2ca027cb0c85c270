package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every element template file of {@code bpmn/.camunda/element-templates} has a Chinese variant beside it
 * ({@code rollout-tasks.json} → {@code rollout-tasks.zh-CN.json}), so a Chinese process owner sees Chinese in Modeler.
 * Modeler takes a template with the same id and a higher version for an upgrade of the other, so each Chinese template
 * has its own id, the English id with {@value #SUFFIX}. The variant offers exactly what the English file offers: every
 * template, every property (by binding) and every choice (by value), with the same values; only the texts differ
 * (template name and description, property label and description, choice names), and each of them is translated.
 * {@link ElementTemplatesSchemaTests} and {@link ElementTemplatesGuardTests} check the variants as every other file.
 */
class ElementTemplateTranslationsTests {

    static final Path TEMPLATES = Path.of("bpmn/.camunda/element-templates");
    static final String SUFFIX = "-zh-CN";
    static final String FILE_SUFFIX = ".zh-CN.json";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEnglishTemplatePropertyAndChoiceHasItsChineseVariant() throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> untranslated = new ArrayList<>();
        for (Map.Entry<Path, Path> files : variants().entrySet()) {
            Map<String, JsonNode> chinese = byId(files.getValue());
            for (JsonNode english : JSON.readTree(Files.readString(files.getKey()))) {
                String id = english.path("id").asText();
                String where = files.getValue().getFileName() + " " + id + SUFFIX;
                JsonNode variant = chinese.remove(id + SUFFIX);
                if (variant == null) {
                    missing.add(where + ": the template");
                    continue;
                }
                compare(english, variant, where, missing, untranslated);
            }
            chinese.keySet().forEach(id -> missing.add(files.getValue().getFileName() + " " + id + ": not in English"));
        }
        assertThat(missing)
                .as("what the English templates offer and the Chinese variants lack (or the reverse)")
                .isEmpty();
        assertThat(untranslated)
                .as("texts of the Chinese variants left blank or in English")
                .isEmpty();
    }

    /** English file → its Chinese variant; a missing variant file fails here. */
    static Map<Path, Path> variants() throws IOException {
        Map<Path, Path> variants = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".json") && !name.endsWith(FILE_SUFFIX)) {
                    Path chinese = file.resolveSibling(name.replace(".json", FILE_SUFFIX));
                    assertThat(chinese).as("Chinese variant of %s", name).exists();
                    variants.put(file, chinese);
                }
            }
        }
        assertThat(variants).hasSizeGreaterThanOrEqualTo(2);
        return variants;
    }

    /** English text → Chinese text of every text of every template, for {@link GlossaryTests}. */
    static Map<String, String> textPairs(Path english, Path chinese) throws IOException {
        Map<String, String> pairs = new LinkedHashMap<>();
        Map<String, JsonNode> variants = byId(chinese);
        for (JsonNode template : JSON.readTree(Files.readString(english))) {
            JsonNode variant = variants.get(template.path("id").asText() + SUFFIX);
            if (variant != null) {
                texts(template)
                        .forEach((path, text) -> pairs.put(text, texts(variant).getOrDefault(path, "")));
            }
        }
        return pairs;
    }

    static void compare(
            JsonNode english, JsonNode chinese, String where, List<String> missing, List<String> untranslated) {
        int before = missing.size();
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        chinese.path("properties").forEach(p -> properties.put(p.path("binding").toString(), p));
        for (JsonNode property : english.path("properties")) {
            JsonNode variant = properties.get(property.path("binding").toString());
            if (variant == null) {
                missing.add(where + ": the property bound to " + property.path("binding"));
                continue;
            }
            List<String> values = new ArrayList<>();
            variant.path("choices").forEach(c -> values.add(c.path("value").asText()));
            property.path("choices").forEach(c -> {
                if (!values.contains(c.path("value").asText())) {
                    missing.add(where + ": the choice " + c.path("value").asText() + " of " + property.path("binding"));
                }
            });
        }
        if (missing.size() == before && !withoutTexts(english).equals(withoutTexts(chinese))) {
            missing.add(where + ": differs from the English template beyond its texts");
        }
        Map<String, String> chineseTexts = texts(chinese);
        texts(english).forEach((path, text) -> {
            String translation = chineseTexts.getOrDefault(path, "");
            if (translation.isBlank() || translation.equals(text) || !translation.matches("(?s).*\\p{IsHan}.*")) {
                untranslated.add(where + " " + path + ": " + text);
            }
        });
    }

    /** The texts of a template by where they are: name, description, properties[i].label, properties[i].choices[j]. */
    static Map<String, String> texts(JsonNode template) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("name", template.path("name").asText());
        texts.put("description", template.path("description").asText());
        JsonNode properties = template.path("properties");
        for (int i = 0; i < properties.size(); i++) {
            JsonNode property = properties.get(i);
            for (String key : List.of("label", "description")) {
                if (property.hasNonNull(key)) {
                    texts.put("properties[" + i + "]." + key, property.path(key).asText());
                }
            }
            JsonNode choices = property.path("choices");
            for (int j = 0; j < choices.size(); j++) {
                texts.put(
                        "properties[" + i + "].choices[" + j + "]",
                        choices.get(j).path("name").asText());
            }
        }
        return texts;
    }

    /** The template as Modeler applies it, without the texts people read and without its id. */
    static JsonNode withoutTexts(JsonNode template) {
        ObjectNode copy = template.deepCopy();
        copy.remove(List.of("id", "name", "description"));
        copy.path("properties").forEach(p -> {
            ((ObjectNode) p).remove(List.of("label", "description"));
            p.path("choices").forEach(c -> ((ObjectNode) c).remove("name"));
        });
        return copy;
    }

    static Map<String, JsonNode> byId(Path file) throws IOException {
        Map<String, JsonNode> templates = new LinkedHashMap<>();
        JSON.readTree(Files.readString(file))
                .forEach(t -> templates.put(t.path("id").asText(), t));
        return templates;
    }
}
