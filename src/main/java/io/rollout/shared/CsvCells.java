package io.rollout.shared;

/**
 * Cells of CSV downloads that the business opens in Excel: a value a spreadsheet would run as a formula
 * (starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return, other than a plain signed
 * number) is written with a leading apostrophe, so it shows as text and runs nothing.
 */
public final class CsvCells {

    public static String safe(String value) {
        if (value == null) {
            return null;
        }
        boolean formula =
                !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("[+-]\\d+(\\.\\d+)?");
        return formula ? "'" + value : value;
    }

    private CsvCells() {}
}
