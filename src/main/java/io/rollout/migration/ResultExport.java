package io.rollout.migration;

import io.rollout.shared.CsvCells;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A result file of a dry run (rejected rows, duplicates, accepted rows) as an Excel workbook, written
 * with POI's streaming SXSSF writer: only a window of 100 rows is in memory, the rest goes to a
 * temporary file, so a large reject list does not fill the heap. Excel holds at most 1,048,576 rows;
 * longer files are cut there (the CSV download has all rows). Plain class: no Spring.
 */
final class ResultExport {

    static final int WINDOW = 100;

    private ResultExport() {}

    /**
     * Copies a CSV result file for download with every cell, the header's column names (the data steward's) included,
     * that a spreadsheet would run as a formula (starting
     * with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return, other than a plain signed number)
     * prefixed with an apostrophe: the
     * values come from legacy systems and are opened in Excel by the business. Returns the data rows written.
     */
    static long toSafeCsv(Path csv, OutputStream out) throws IOException {
        long rows = -1;
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT);
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            for (CSVRecord record : parser) {
                for (int i = 0; i < record.size(); i++) {
                    String value = record.get(i);
                    if (rows < 0 && i == 0 && value.startsWith("\uFEFF")) {
                        // the byte order mark stays the first bytes of the file, the defused name follows it
                        writer.write('\uFEFF');
                        value = value.substring(1);
                    }
                    printer.print(CsvCells.safe(value));
                }
                printer.println();
                rows++;
            }
        }
        return Math.max(0, rows);
    }

    /** Writes the CSV result file as one sheet named {@code sheetName}; returns the data rows written. */
    static long toXlsx(Path csv, String sheetName, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT)) {
            SXSSFSheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            int maxRows = SpreadsheetVersion.EXCEL2007.getMaxRows();
            int r = 0;
            for (CSVRecord record : parser) {
                if (r == maxRows) {
                    break;
                }
                Row row = sheet.createRow(r);
                for (int c = 0; c < record.size(); c++) {
                    String value = record.get(c);
                    if (r == 0 && c == 0) {
                        value = value.replace("\uFEFF", "");
                    }
                    var cell = row.createCell(c);
                    cell.setCellValue(value);
                    if (r == 0) {
                        cell.setCellStyle(bold);
                    }
                }
                r++;
            }
            if (r > 0) {
                sheet.createFreezePane(0, 1);
            }
            workbook.write(out);
            return Math.max(0, r - 1);
        } finally {
            workbook.close();
        }
    }
}
