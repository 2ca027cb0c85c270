package io.rollout.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.util.RecordFormatException;

/**
 * Reads a table a user brings as a file, whatever Excel saved: an Excel workbook (.xlsx, also old .xls; the
 * first sheet) or CSV (via {@link CsvSource#decode} and {@link CsvSource#delimiter}: UTF-8 with or without BOM,
 * GBK; comma, semicolon or tab). The kind is told by the content, not by the file name: a zip or OLE2 file is
 * read as a workbook, anything else as CSV text. Row 1 is the header; each later row becomes a {@link FormRow}
 * keyed by our field names and numbered as the spreadsheet row, so an import validates it like a form row.
 * Used by the requirement, test-case and attendance imports.
 */
public final class SpreadsheetSource {

    /** What the parts of an .xlsx may unpack to in all; a list of a few thousand rows needs a few MB. */
    static final long MAX_UNPACKED_BYTES = 50L * 1024 * 1024;

    /**
     * The most cells (and, separately, shared strings) a workbook may hold, counted before POI loads it: POI keeps
     * every cell as an object, about a kilobyte each; 200,000 cells are 10,000 rows of 20 columns.
     */
    static final int MAX_CELLS = 200_000;

    /**
     * The most cells a CSV file may have: each becomes a string in a row's map, so a file of the upload limit made of
     * one-letter cells would otherwise take half a gigabyte; a million cells are 100,000 rows of 10 columns.
     */
    static final int MAX_CSV_CELLS = 1_000_000;

    private static final DataFormatter FORMATTER = new DataFormatter(Locale.ROOT);

    private SpreadsheetSource() {}

    /**
     * The rows of a file and the headers its columns were found under.
     *
     * @param rows   one row per non-empty spreadsheet row after the header, numbered as in the spreadsheet
     * @param labels the header text by our field name, in column order: the words the user knows a field by
     */
    public record Sheet(List<FormRow> rows, Map<String, String> labels) {

        /** Our field names of the headers found, in column order. */
        public List<String> keys() {
            return List.copyOf(labels.keySet());
        }
    }

    /** The file cannot be read as a table at all; {@link #problem()} says why (codes {@code form.file.*}). */
    public static final class UnreadableFile extends RuntimeException {

        private final transient Problem problem;

        UnreadableFile(Problem problem) {
            super(problem.toString());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * Reads a file with a header row.
     *
     * @param columns our field name by header text (English and Chinese headers), matched ignoring case and
     *                surrounding blanks; other columns are ignored
     * @throws UnreadableFile when the file is empty, a zip that is not a workbook, a workbook without a header
     *                        row, a workbook over the limits of {@link WorkbookGuard} (a zip bomb, a DOCTYPE, more than
     *                        {@value #MAX_CELLS} cells), CSV with broken quoting or more than {@value #MAX_CSV_CELLS}
     *                        cells, or a row with a value right of the last header column
     */
    public static Sheet read(byte[] bytes, Map<String, String> columns) {
        if (bytes.length == 0) {
            throw new UnreadableFile(Problem.of("form.file.empty"));
        }
        Map<String, String> byHeader = new HashMap<>();
        columns.forEach((header, key) -> byHeader.put(normalise(header), key));
        List<List<String>> table = isWorkbook(bytes) ? workbook(bytes) : csv(bytes);
        int headerIndex = 0;
        if (table.isEmpty() || table.get(0).stream().allMatch(String::isBlank)) {
            throw new UnreadableFile(Problem.of(isWorkbook(bytes) ? "form.file.noHeader" : "form.file.empty"));
        }
        List<String> header = table.get(headerIndex);
        Map<Integer, String> keyByIndex = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String key = byHeader.get(normalise(header.get(i)));
            if (key != null && !labels.containsKey(key)) {
                keyByIndex.put(i, key);
                labels.put(key, header.get(i).replace("\uFEFF", "").trim());
            }
        }
        int width = header.size();
        while (width > 0
                && (header.get(width - 1) == null || header.get(width - 1).isBlank())) {
            width--;
        }
        List<FormRow> rows = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells == null || cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            for (int i = width; i < cells.size(); i++) {
                // a value without a header is a value cut off from its column (often a separator inside a value):
                // refused as the migration's extract reader does, never silently dropped
                if (cells.get(i) != null && !cells.get(i).isBlank()) {
                    throw new UnreadableFile(Problem.of("form.file.ragged", r + 1, i + 1, width));
                }
            }
            Map<String, Object> values = new LinkedHashMap<>();
            keyByIndex.forEach((index, key) -> values.put(key, index < cells.size() ? cells.get(index) : null));
            rows.add(new FormRow(r + 1, values));
        }
        return new Sheet(rows, labels);
    }

    /**
     * Reads an uploaded file like {@link #read(byte[], Map)} for an import that refuses with messages.
     *
     * @throws org.camunda.bpm.engine.BadUserRequestException naming why the file cannot be read as a table
     */
    public static Sheet read(InputStream in, Map<String, String> columns, Messages messages) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return read(bytes, columns);
        } catch (UnreadableFile e) {
            throw Problem.reject(messages, List.of(e.problem()));
        }
    }

    private static String normalise(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
    }

    /** A zip (.xlsx) or OLE2 (.xls) container. */
    private static boolean isWorkbook(byte[] b) {
        boolean zip = b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        boolean ole2 = b.length >= 8
                && (b[0] & 0xFF) == 0xD0
                && (b[1] & 0xFF) == 0xCF
                && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0;
        return zip || ole2;
    }

    // One list of cell texts per spreadsheet row; index = row number - 1 (missing rows are null).
    private static List<List<String>> workbook(byte[] bytes) {
        WorkbookGuard.check(
                        new ByteArrayInputStream(bytes),
                        new WorkbookGuard.Limits(MAX_UNPACKED_BYTES, MAX_CELLS, MAX_CELLS))
                .ifPresent(problem -> {
                    throw new UnreadableFile(problem);
                });
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new UnreadableFile(Problem.of("form.file.noHeader"));
            }
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            List<List<String>> table = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    table.add(r == 0 ? List.of() : null);
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    cells.add(text(row.getCell(c), evaluator));
                }
                table.add(cells);
            }
            return table;
        } catch (EncryptedDocumentException | IllegalArgumentException | POIXMLException | RecordFormatException e) {
            // a zip that holds no workbook (e.g. a .docx or an archive renamed to .xlsx: POI's
            // UnsupportedFileFormatException is an IllegalArgumentException), a password, or broken or hostile XML
            // inside (POI refuses a DOCTYPE)
            throw new UnreadableFile(Problem.of("form.file.notWorkbook"));
        } catch (IOException e) {
            throw new UnreadableFile(Problem.of("form.file.notWorkbook"));
        }
    }

    // Dates as ISO text (FormRow#date reads them), everything else as Excel shows it.
    private static String text(Cell cell, FormulaEvaluator evaluator) {
        if (cell == null) {
            return "";
        }
        CellType type =
                cell.getCellType() == CellType.FORMULA ? evaluator.evaluateFormulaCell(cell) : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        return FORMATTER.formatCellValue(cell, evaluator).trim();
    }

    private static List<List<String>> csv(byte[] bytes) {
        String text = CsvSource.decode(bytes);
        if (text.isBlank()) {
            throw new UnreadableFile(Problem.of("form.file.empty"));
        }
        try {
            List<List<String>> table = new ArrayList<>();
            long cells = 0;
            for (CSVRecord record : CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(CsvSource.delimiter(text))
                    .setTrim(true)
                    .setIgnoreEmptyLines(false)
                    .get()
                    .parse(new StringReader(text))) {
                cells += record.size();
                if (cells > MAX_CSV_CELLS) {
                    throw new UnreadableFile(Problem.of("form.file.tooManyCsvCells", MAX_CSV_CELLS));
                }
                table.add(record.toList());
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            // commons-csv reports broken quoting this way
            throw new UnreadableFile(Problem.of("form.file.malformed", e.getMessage()));
        }
    }
}
