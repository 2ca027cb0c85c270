package io.rollout.tasksheet;

import io.rollout.tasksheet.SheetColumn.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the rows of a {@link TaskSheet} as an .xlsx workbook whose first sheet has the import's headers in row 1,
 * so the file comes back through the upload unchanged: dates as date cells, numbers as numbers, yes/no as words the
 * imports read. Text is written as text cells, which Excel never runs as formulas. Plain class.
 */
final class SheetWorkbook {

    private static final int MAX_WIDTH = 60;

    private SheetWorkbook() {}

    /**
     * @param chinese Chinese headers and 是/否 instead of the keys and yes/no
     */
    static byte[] write(String sheetName, List<SheetColumn> columns, List<Map<String, Object>> rows, boolean chinese) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = workbook.createSheet(sheetName);
            Row header = sheet.createRow(0);
            int[] widths = new int[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                String text = columns.get(c).header(chinese);
                header.createCell(c).setCellValue(text);
                header.getCell(c).setCellStyle(bold);
                widths[c] = Math.max(12, text.length() * (chinese ? 2 : 1) + 2);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < columns.size(); c++) {
                    Object value = rows.get(r).get(columns.get(c).key());
                    if (value == null
                            || value.toString().isBlank() && columns.get(c).kind() != Kind.YES_NO) {
                        continue;
                    }
                    write(row.createCell(c), columns.get(c).kind(), value, date, chinese);
                    widths[c] = Math.min(
                            MAX_WIDTH, Math.max(widths[c], value.toString().length() + 2));
                }
            }
            sheet.createFreezePane(0, 1);
            for (int c = 0; c < columns.size(); c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Cell cell, Kind kind, Object value, CellStyle date, boolean chinese) {
        String text = value.toString().trim();
        switch (kind) {
            case DATE -> {
                try {
                    cell.setCellValue(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
                    cell.setCellStyle(date);
                } catch (DateTimeParseException e) {
                    cell.setCellValue(text);
                }
            }
            case NUMBER -> {
                try {
                    cell.setCellValue(new BigDecimal(text).doubleValue());
                } catch (NumberFormatException e) {
                    cell.setCellValue(text);
                }
            }
            case YES_NO -> {
                boolean yes = value instanceof Boolean b ? b : text.equalsIgnoreCase("true");
                cell.setCellValue(yes ? (chinese ? "是" : "yes") : (chinese ? "否" : "no"));
            }
            default -> cell.setCellValue(text);
        }
    }
}
