package io.rollout.build;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds one prefill row for a dynamic list; unlike {@code Map.of} it keeps order and allows nulls. */
final class BuildRows {

    private BuildRows() {}

    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
