package io.rollout.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Makes the forms that share parts from their sources. Camunda Forms have no include, and a deployed form must be
 * complete, so a shared part is copied into the forms that use it and the copies are checked here. A part
 * ({@code forms/parts/*.json}) holds components, each found in a form by its {@code key}, with the properties the
 * forms share (type, choices, validation, often the label), and names under {@code usedBy} the forms that use it:
 * the form file, the component the fields sit in ({@code in}, e.g. a dynamic list; the form itself when absent) and
 * the keys it takes. Everything else stays the form's own and is edited in the form, e.g. in Modeler: the ids, the
 * layout, a label the form words its own way. {@link FormSourcesTests} fails when a committed form is not what its
 * parts make it, and writes the forms with {@code -Dforms.write=true}.
 */
final class FormParts {

    static final Path FORMS = Path.of("forms");
    static final Path PARTS = FORMS.resolve("parts");
    static final String REGENERATE = "./mvnw -o -q test -Dtest=FormSourcesTests -Dforms.write=true";

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormParts() {}

    /** One form's use of a part: the components with these keys inside the component {@code in} (null: the form). */
    record Use(String form, String in, List<String> keys) {}

    /** A shared part: its components by key and the forms that use it. */
    record Part(String name, Map<String, ObjectNode> components, List<Use> uses) {

        static Part of(String name, JsonNode json) {
            Map<String, ObjectNode> components = new LinkedHashMap<>();
            json.path("components").forEach(c -> components.put(c.path("key").asText(), (ObjectNode) c));
            List<Use> uses = new ArrayList<>();
            for (JsonNode use : json.path("usedBy")) {
                List<String> keys = new ArrayList<>();
                use.path("keys").forEach(key -> keys.add(key.asText()));
                uses.add(new Use(
                        use.path("form").asText(),
                        use.hasNonNull("in") ? use.path("in").asText() : null,
                        keys));
            }
            return new Part(name, components, uses);
        }
    }

    /** Every part of {@code forms/parts}, by file name. */
    static List<Part> parts() {
        try (Stream<Path> files = Files.list(PARTS)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .sorted()
                    .map(f -> Part.of(f.getFileName().toString(), read(f)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The committed form of that file name. */
    static ObjectNode committed(String form) {
        return (ObjectNode) read(FORMS.resolve(form));
    }

    /**
     * The forms the parts make, by file name: each form that uses a part as {@code committed} gives it, with every
     * part it uses applied.
     */
    static Map<String, ObjectNode> made(List<Part> parts, Function<String, ObjectNode> committed) {
        Map<String, ObjectNode> made = new TreeMap<>();
        for (Part part : parts) {
            for (Use use : part.uses()) {
                apply(
                        part,
                        use,
                        made.computeIfAbsent(
                                use.form(), form -> committed.apply(form).deepCopy()));
            }
        }
        return made;
    }

    /** The file names of the committed forms that differ from what their parts make. */
    static List<String> differing(List<Part> parts, Function<String, ObjectNode> committed) {
        List<String> differing = new ArrayList<>();
        made(parts, committed).forEach((form, made) -> {
            if (!committed.apply(form).equals(made)) {
                differing.add(form);
            }
        });
        return differing;
    }

    /**
     * Sets the shared properties of the part's components in the form's components of the same key and leaves the
     * form's own; a form without the component or key it names is a mistake in the part.
     */
    static void apply(Part part, Use use, ObjectNode form) {
        JsonNode container = use.in() == null ? form : find(form.path("components"), use.in());
        if (container == null) {
            throw new IllegalStateException(part.name() + ": " + use.form() + " has no component " + use.in());
        }
        for (String key : use.keys()) {
            ObjectNode shared = part.components().get(key);
            if (shared == null) {
                throw new IllegalStateException(part.name() + " has no component with key " + key);
            }
            ObjectNode component = null;
            for (JsonNode child : container.path("components")) {
                if (key.equals(child.path("key").asText())) {
                    component = (ObjectNode) child;
                }
            }
            if (component == null) {
                throw new IllegalStateException(part.name() + ": " + use.form() + " has no field with key " + key
                        + (use.in() == null ? "" : " in " + use.in()));
            }
            component.setAll(shared.deepCopy());
        }
    }

    private static JsonNode find(JsonNode components, String id) {
        for (JsonNode component : components) {
            if (id.equals(component.path("id").asText())) {
                return component;
            }
            JsonNode inside = find(component.path("components"), id);
            if (inside != null) {
                return inside;
            }
        }
        return null;
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A form as Modeler writes it (JSON.stringify with two spaces) and a final line break. */
    static String print(JsonNode json) {
        StringBuilder out = new StringBuilder();
        print(json, "", out);
        return out.append('\n').toString();
    }

    private static void print(JsonNode json, String indent, StringBuilder out) {
        if (!json.isContainerNode()) {
            out.append(json);
            return;
        }
        if (json.isEmpty()) {
            out.append(json.isObject() ? "{}" : "[]");
            return;
        }
        String inner = indent + "  ";
        String separator = "\n";
        if (json.isObject()) {
            out.append('{');
            for (Map.Entry<String, JsonNode> field : json.properties()) {
                out.append(separator)
                        .append(inner)
                        .append(JSON.getNodeFactory().textNode(field.getKey()))
                        .append(": ");
                print(field.getValue(), inner, out);
                separator = ",\n";
            }
            out.append('\n').append(indent).append('}');
        } else {
            out.append('[');
            for (JsonNode element : json) {
                out.append(separator).append(inner);
                print(element, inner, out);
                separator = ",\n";
            }
            out.append('\n').append(indent).append(']');
        }
    }
}
