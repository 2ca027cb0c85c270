package io.rollout.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of a dynamic list submitted from a Camunda Form, with typed readers that tolerate the
 * shapes form-js submits (numbers as text or number, booleans as text or boolean, dates as ISO text).
 *
 * @param number the 1-based row number, used in error messages
 * @param values the submitted cells by field key
 */
public record FormRow(int number, Map<String, Object> values) {

    /** Yes and no as people write them in a spreadsheet cell. */
    public static final List<String> YES = List.of("是", "yes", "y", "true", "1");

    public static final List<String> NO = List.of("否", "no", "n", "false", "0");

    /** The trimmed text of a cell, or {@code null} when the cell is missing or blank. */
    public String text(String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    /** An integer cell; {@code null} when blank; {@link NumberFormatException} when not a whole number. */
    public Integer integer(String key) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        return new BigDecimal(text).intValueExact();
    }

    /** A boolean cell; blank, {@code false}, {@code no}, {@code 0} read as false. */
    public boolean bool(String key) {
        String text = text(key);
        return text != null && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes") || text.equals("1"));
    }

    /**
     * A yes/no cell of a file: {@link #YES} or {@link #NO} in any case, or a boolean; {@code null} when blank.
     *
     * @throws IllegalArgumentException when the cell says something else
     */
    public Boolean yesNo(String key) {
        if (values.get(key) instanceof Boolean value) {
            return value;
        }
        String text = text(key);
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (YES.contains(lower)) {
            return true;
        }
        if (NO.contains(lower)) {
            return false;
        }
        throw new IllegalArgumentException(text);
    }

    /** A date cell in ISO form (a datetime is cut to its date); {@code null} when blank. */
    public LocalDate date(String key) throws DateTimeParseException {
        String text = text(key);
        if (text == null) {
            return null;
        }
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    /** True when every cell is blank: an empty row a user added and left. */
    public boolean isBlank() {
        return values.values().stream().allMatch(v -> v == null || v.toString().isBlank() || v.equals(Boolean.FALSE));
    }
}
