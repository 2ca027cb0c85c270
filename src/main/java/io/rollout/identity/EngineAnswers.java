package io.rollout.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.rollout.shared.FormTexts;
import io.rollout.shared.Translations;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine API's answers in the reader's language: what the engine stores in English (task, process, activity and
 * filter names; summaries and findings in variables a form shows) and the forms it serves, translated with
 * {@link Translations} as Tasklist and Cockpit fetch them. Which answer is which follows from the request path:
 *
 * <ul>
 * <li>a task's or a process's form ({@code deployed-form}, {@code deployed-start-form}): every text of the form
 *     ({@link FormTexts});</li>
 * <li>a form's variables ({@code form-variables}): the texts of the variables the form shows but does not submit
 *     (a summary in a text view, the labels of an option list); the values of its fields stay as they are, so a
 *     completion never writes a translation back;</li>
 * <li>a model's XML ({@code …/xml}): the names in it, for the diagram;</li>
 * <li>variables themselves ({@code …/variables}, variable instances, history details): untouched, they are data;</li>
 * <li>any other JSON answer: the values of the names it carries ({@code name}, {@code activityName}, …).</li>
 * </ul>
 */
final class EngineAnswers {

    /**
     * The properties of the engine's answers that carry a name or text from a model or a filter: names, a task's
     * description (the model's documentation), a filter's description and the labels of the variables it shows.
     */
    static final Set<String> NAMES = Set.of(
            "name",
            "description",
            "label",
            "activityName",
            "processDefinitionName",
            "taskName",
            "caseDefinitionName",
            "decisionDefinitionName",
            "calledProcessDefinitionName");

    /** Keys inside a variable's JSON value that hold codes, not texts. */
    private static final Set<String> CODES = Set.of("value", "id", "key", "code", "userId", "groupId");

    private static final Pattern XML_NAME = Pattern.compile("(\\sname=\")([^\"]*)(\")");

    /** What an answer is, from its path below the API's root (and {@code engine/{name}}). */
    enum Kind {
        FORM,
        FORM_VARIABLES,
        XML,
        UNTOUCHED,
        NAMES
    }

    private final Translations translations;
    private final ObjectMapper json;

    EngineAnswers(Translations translations, ObjectMapper json) {
        this.translations = translations;
        this.json = json;
    }

    static Kind kind(List<String> path) {
        if (path.isEmpty()) {
            return Kind.UNTOUCHED;
        }
        String last = path.get(path.size() - 1);
        if (path.contains("variables")
                || path.contains("variable-instance")
                || path.contains("detail")
                || path.contains("localVariables")) {
            return Kind.UNTOUCHED;
        }
        return switch (last) {
            case "deployed-form", "deployed-start-form" -> Kind.FORM;
            case "form-variables" -> Kind.FORM_VARIABLES;
            case "xml" -> Kind.XML;
            case "count", "data", "diagram", "rendered-form", "rendered-start-form" -> Kind.UNTOUCHED;
            default -> Kind.NAMES;
        };
    }

    /** A form as served: a Camunda Form (JSON) or an embedded form (HTML). */
    String form(String body, Locale reader) throws IOException {
        String start = body.stripLeading();
        if (start.startsWith("{")) {
            JsonNode form = json.readTree(body);
            return json.writeValueAsString(FormTexts.translated(form, t -> translations.formText(t, reader)));
        }
        return FormTexts.translatedHtml(body, t -> translations.formText(t, reader));
    }

    /**
     * A form's variables: the texts of those that are not its fields ({@code fields}, when known; with no form known
     * nothing is translated).
     */
    String formVariables(String body, Optional<Set<String>> fields, Locale reader) throws IOException {
        if (fields.isEmpty()) {
            return body;
        }
        JsonNode variables = json.readTree(body);
        if (!variables.isObject()) {
            return body;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = variables.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> variable = entries.next();
            if (!fields.get().contains(variable.getKey()) && variable.getValue() instanceof ObjectNode value) {
                translateVariable(value, reader);
            }
        }
        return json.writeValueAsString(variables);
    }

    private void translateVariable(ObjectNode variable, Locale reader) throws IOException {
        String type = variable.path("type").asText();
        JsonNode value = variable.get("value");
        if (value == null || !value.isTextual()) {
            return;
        }
        if ("String".equals(type)) {
            variable.put("value", text(value.asText(), reader));
        } else if ("Json".equals(type)) {
            JsonNode parsed = json.readTree(value.asText());
            variable.put("value", json.writeValueAsString(texts(parsed, null, reader)));
        }
    }

    /** The string leaves of a JSON value translated, except those under a key that holds codes. */
    private JsonNode texts(JsonNode node, String key, Locale reader) {
        if (node.isTextual()) {
            if (key == null) {
                // an item of a list ("finance" in departments): a code a form may compare stays
                return TextNode.valueOf(text(node.asText(), reader));
            }
            // a cell of a table's row may be a code ("must", "passed"): it reads as its label, no form compares it
            return CODES.contains(key) ? node : TextNode.valueOf(translations.text(node.asText(), reader));
        }
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> e.setValue(texts(e.getValue(), e.getKey(), reader)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, texts(array.get(i), key, reader));
            }
        }
        return node;
    }

    /**
     * A shown text in the reader's language; a code ({@code interview}, {@code high}) stays, since forms compare
     * it in their conditions and templates ({@code researchMethod = "interview"}).
     */
    private String text(String value, Locale reader) {
        return Translations.code(value) ? value : translations.text(value, reader);
    }

    /** A model's XML answer: the names in {@code bpmn20Xml} / {@code dmnXml}, expressions kept. */
    String xml(String body, Locale reader) throws IOException {
        JsonNode answer = json.readTree(body);
        if (!(answer instanceof ObjectNode object)) {
            return body;
        }
        for (String field : List.of("bpmn20Xml", "dmnXml", "cmmnXml")) {
            if (object.path(field).isTextual()) {
                object.put(field, xmlNames(object.get(field).asText(), reader));
            }
        }
        return json.writeValueAsString(object);
    }

    private String xmlNames(String xml, Locale reader) {
        Matcher name = XML_NAME.matcher(xml);
        StringBuilder out = new StringBuilder();
        while (name.find()) {
            String text = unescape(name.group(2));
            String translated = translations.modelText(text, reader);
            String value = translated.equals(text) ? name.group(2) : escape(translated);
            name.appendReplacement(out, Matcher.quoteReplacement(name.group(1) + value + name.group(3)));
        }
        name.appendTail(out);
        return out.toString();
    }

    /** Any other answer: the names it carries, at any depth (HAL's {@code _embedded} lists too). */
    String names(String body, Locale reader) throws IOException {
        JsonNode answer = json.readTree(body);
        renameAll(answer, reader);
        return json.writeValueAsString(answer);
    }

    private void renameAll(JsonNode node, Locale reader) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                if (NAMES.contains(e.getKey()) && e.getValue().isTextual()) {
                    e.setValue(TextNode.valueOf(text(e.getValue().asText(), reader)));
                } else {
                    renameAll(e.getValue(), reader);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> renameAll(item, reader));
        }
    }

    private static String unescape(String xml) {
        return xml.replace("&#10;", "\n")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("\n", "&#10;");
    }
}
