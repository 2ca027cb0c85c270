package io.rollout.tasksheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A column of a {@link TaskSheet}: the field key of the form's row, which is also the English header the imports
 * accept, the Chinese header customers use, and how its cells are written.
 *
 * @param key     the field key, e.g. {@code reqId}; the English header
 * @param chinese the Chinese header, e.g. {@code 编号}
 * @param kind    how a value is written to a cell
 */
public record SheetColumn(String key, String chinese, Kind kind) {

    /** How values are written: text, a date cell, a number cell, or yes/no (是/否 for Chinese headers). */
    public enum Kind {
        TEXT,
        DATE,
        NUMBER,
        YES_NO
    }

    /** The header in the reader's language: Chinese, or the key. */
    public String header(boolean chinese) {
        return chinese && this.chinese != null ? this.chinese : key;
    }

    /**
     * The columns of the given keys, their Chinese headers taken from an import's header map (header text → key),
     * so the accepted headers are written down once.
     *
     * @param kinds the kind of a key when not {@link Kind#TEXT}
     */
    public static List<SheetColumn> of(List<String> keys, Map<String, String> importHeaders, Map<String, Kind> kinds) {
        List<SheetColumn> columns = new ArrayList<>();
        for (String key : keys) {
            String chinese = importHeaders.entrySet().stream()
                    .filter(e -> e.getValue().equals(key) && !e.getKey().equals(key))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no Chinese header for " + key));
            columns.add(new SheetColumn(key, chinese, kinds.getOrDefault(key, Kind.TEXT)));
        }
        return List.copyOf(columns);
    }
}
