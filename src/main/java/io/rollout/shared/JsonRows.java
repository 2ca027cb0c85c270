package io.rollout.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Converts between the rows of a Camunda Forms dynamic list or checklist (a {@code Json} process
 * variable) and plain Java maps and strings. Forms prefill their lists from such variables and
 * submit them back the same way, so no Java-serialised objects ever enter the engine.
 */
public final class JsonRows {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private JsonRows() {}

    /** A {@code Json} variable value holding the given rows, ready for {@code setVariable}. */
    public static JsonValue of(Collection<? extends Map<String, ?>> rows) {
        return json(rows);
    }

    /** A {@code Json} variable value holding a list of strings, e.g. for a checklist. */
    public static JsonValue ofStrings(Collection<String> values) {
        return json(values);
    }

    /**
     * Reads rows from a variable value as the engine returns it: a Spin JSON node, a JSON string,
     * a list of maps, or {@code null} (no rows).
     */
    public static List<FormRow> read(Object variable) {
        if (variable == null) {
            return List.of();
        }
        List<Map<String, Object>> raw;
        if (variable instanceof List<?> list) {
            raw = new ArrayList<>();
            for (Object item : list) {
                raw.add(asMap(item));
            }
        } else {
            raw = parse(variable.toString(), new TypeReference<>() {});
        }
        List<FormRow> rows = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            rows.add(new FormRow(i + 1, raw.get(i) == null ? Map.of() : raw.get(i)));
        }
        return rows;
    }

    /** Reads a list of strings (a checklist or taglist value); {@code null} reads as empty. */
    public static List<String> readStrings(Object variable) {
        if (variable == null) {
            return List.of();
        }
        if (variable instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        String text = variable.toString().trim();
        if (!text.startsWith("[")) {
            // a plain comma-separated string, as a REST client may send it
            return java.util.Arrays.stream(text.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
        return parse(text, new TypeReference<List<String>>() {});
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object item) {
        if (item instanceof Map<?, ?> map) {
            return new LinkedHashMap<>((Map<String, Object>) map);
        }
        return parse(String.valueOf(item), new TypeReference<>() {});
    }

    private static JsonValue json(Object value) {
        try {
            return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write rows as JSON", e);
        }
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON list: " + e.getOriginalMessage(), e);
        }
    }
}
