package io.rollout.migration;

import io.rollout.shared.Messages;

/**
 * The format of an extract as a person reads it, from the short description its reader stores with the extract and
 * each dry run ({@link ExtractReader#description()}: {@code csv UTF-8 ,}, {@code csv GB18030 BOM ;},
 * {@code csv UTF-8 tab}, {@code xlsx 物料}): "CSV, UTF-8, comma-separated" or "Excel workbook, sheet 物料". The
 * stored description stays as it is for the REST API; only what people read is worded. An unknown description is
 * shown as it is.
 */
final class ExtractFormat {

    private ExtractFormat() {}

    /** The format in words, in the language of stored texts. */
    static String describe(String description, Messages messages) {
        if (description == null || description.isBlank()) {
            return "";
        }
        String[] parts = description.split(" ", 2);
        String rest = parts.length > 1 ? parts[1] : "";
        if ("xlsx".equals(parts[0])) {
            return messages.forRecord("migration.format.xlsx", rest);
        }
        if (!"csv".equals(parts[0])) {
            return description;
        }
        // "<charset>[ BOM] <delimiter>": the reader detects comma, semicolon or tab
        int last = rest.lastIndexOf(' ');
        if (last < 0) {
            return description;
        }
        String delimiter = rest.substring(last + 1);
        String encoding = rest.substring(0, last);
        boolean bom = encoding.endsWith(" BOM");
        String charset = bom ? encoding.substring(0, encoding.length() - 4) : encoding;
        return messages.forRecord(
                bom ? "migration.format.csvBom" : "migration.format.csv", charset, delimiter(delimiter, messages));
    }

    private static String delimiter(String delimiter, Messages messages) {
        return switch (delimiter) {
            case "," -> messages.forRecord("migration.format.comma");
            case ";" -> messages.forRecord("migration.format.semicolon");
            case "tab" -> messages.forRecord("migration.format.tab");
            default -> messages.forRecord("migration.format.delimiter", delimiter);
        };
    }
}
