package io.rollout.planning;

import io.rollout.shared.JsonRows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Options of a form's select or checklist bound with {@code valuesKey}: a {@code Json} list of label and value. */
final class FormOptions {

    private FormOptions() {}

    /** Options whose label is the value itself. */
    static JsonValue of(List<String> values) {
        return of(values, Function.identity());
    }

    /** Options labelled in words, e.g. a department code shown by its name. */
    static JsonValue of(List<String> values, Function<String, String> label) {
        return JsonRows.of(values.stream()
                .map(v -> {
                    Map<String, Object> option = new LinkedHashMap<>();
                    option.put("label", label.apply(v));
                    option.put("value", v);
                    return option;
                })
                .toList());
    }
}
