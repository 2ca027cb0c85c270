package io.rollout.migration;

import io.rollout.shared.WorkbookGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DateUtil;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The first sheet of an Excel .xlsx extract read as a stream of rows with fastexcel-reader (StAX over
 * the ZIP entry; only the shared-strings table is held in memory). The first non-blank row is the
 * header. Numbers come as Excel stores them (no thousands separators, no rounding), cells formatted as
 * dates as ISO dates. A row with a value right of the last header column is refused as ragged.
 */
final class XlsxExtractReader implements ExtractReader {

    private static final ReadingOptions WITH_FORMATS = new ReadingOptions(true, false);

    /**
     * What an extract may hold: the sheet is streamed, so its cells are not counted, but fastexcel-reader keeps the
     * shared strings in memory (two million are a few hundred MB at most) and every part is unpacked once more in the
     * dry run, so all parts together stay below 4 GB; parts that unpack more than 100-fold (zip bombs) and a DOCTYPE
     * are refused before fastexcel-reader opens the file ({@link WorkbookGuard}).
     */
    static final WorkbookGuard.Limits LIMITS = new WorkbookGuard.Limits(4L * 1024 * 1024 * 1024, 0, 2_000_000);

    private final ReadableWorkbook workbook;
    private final String sheetName;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;
    private final List<String> header;

    private XlsxExtractReader(ReadableWorkbook workbook, Sheet sheet, String fileName) throws IOException {
        this.workbook = workbook;
        this.sheetName = sheet.getName();
        this.rows = sheet.openStream();
        this.iterator = rows.iterator();
        Row first = nextNonBlank();
        if (first == null) {
            throw new ExtractException("migration.extract.empty", fileName);
        }
        int width = first.getCellCount();
        while (width > 0 && text(first, width - 1).isEmpty()) {
            width--;
        }
        String[] names = new String[width];
        for (int i = 0; i < width; i++) {
            names[i] = text(first, i).trim();
        }
        this.header = List.of(names);
    }

    static XlsxExtractReader open(Path file, String fileName) {
        try (InputStream in = Files.newInputStream(file)) {
            WorkbookGuard.check(in, LIMITS).ifPresent(problem -> {
                throw new ExtractException(problem);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(file.toFile(), WITH_FORMATS);
        } catch (IOException | RuntimeException e) {
            workbook = withoutFormats(file, fileName);
        }
        try {
            Sheet sheet = workbook.getFirstSheet();
            return new XlsxExtractReader(workbook, sheet, fileName);
        } catch (ExtractException e) {
            closeQuietly(workbook);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(workbook);
            throw new ExtractException("migration.extract.notWorkbook", fileName);
        }
    }

    // Workbooks written by tools rather than Excel may have no styles part: then no cell is a date.
    private static ReadableWorkbook withoutFormats(Path file, String fileName) {
        try {
            return new ReadableWorkbook(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new ExtractException("migration.extract.notWorkbook", fileName);
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() {
        Row row = nextNonBlank();
        if (row == null) {
            return null;
        }
        int cells = row.getCellCount();
        for (int i = header.size(); i < cells; i++) {
            if (!text(row, i).isEmpty()) {
                throw new ExtractException("migration.extract.ragged", (long) row.getRowNum(), i + 1, header.size());
            }
        }
        String[] values = new String[header.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = text(row, i);
        }
        return new SourceRow(row.getRowNum(), values);
    }

    private Row nextNonBlank() {
        try {
            while (iterator.hasNext()) {
                Row row = iterator.next();
                for (int i = 0; i < row.getCellCount(); i++) {
                    if (!text(row, i).isBlank()) {
                        return row;
                    }
                }
            }
            return null;
        } catch (UncheckedIOException | org.dhatim.fastexcel.reader.ExcelReaderException e) {
            throw new ExtractException("migration.extract.notWorkbook", sheetName);
        }
    }

    private static String text(Row row, int index) {
        Cell cell = index < row.getCellCount() ? row.getCell(index) : null;
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            Integer formatId = cell.getDataFormatId();
            String format = cell.getDataFormatString();
            if (formatId != null && format != null && DateUtil.isADateFormat(formatId, format)) {
                return DateUtil.getLocalDateTime(((BigDecimal) cell.getValue()).doubleValue())
                        .toLocalDate()
                        .toString();
            }
            return ((BigDecimal) cell.getValue()).toPlainString();
        }
        String text = cell.getText();
        return text == null ? "" : text;
    }

    @Override
    public String description() {
        return "xlsx " + sheetName;
    }

    @Override
    public void close() {
        rows.close();
        closeQuietly(workbook);
    }

    private static void closeQuietly(ReadableWorkbook workbook) {
        try {
            workbook.close();
        } catch (IOException ignored) {
            // nothing was written
        }
    }
}
