package io.rollout.planning;

import io.rollout.shared.JsonRows;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Options of a form's select or checklist bound with {@code valuesKey}: a {@code Json} list of label and value. */
final class FormOptions {

    private FormOptions() {
    }

    static JsonValue of(List<String> values) {
        return JsonRows.of(values.stream().map(v -> {
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("label", v);
            option.put("value", v);
            return option;
        }).toList());
    }
}
