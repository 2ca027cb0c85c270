package io.rollout.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a legacy extract row by row without holding the file in memory: CSV ({@link CsvExtractReader})
 * or Excel .xlsx ({@link XlsxExtractReader}), chosen by the file's content (a ZIP container is a
 * workbook) and checked against its name. Structural faults are {@link ExtractException}s naming the row.
 */
interface ExtractReader extends AutoCloseable {

    /** One data row: its row number as the spreadsheet shows it (the header is row 1) and its values. */
    record SourceRow(long number, String[] values) {}

    /** The header row's column names, trimmed. */
    List<String> header();

    /** The next data row, {@code null} after the last; blank rows are skipped. */
    SourceRow next();

    /** The format and encoding read, e.g. {@code csv UTF-8 ;} or {@code xlsx 物料}. */
    String description();

    @Override
    void close();

    /** Opens an extract stored at {@code file} that the user uploaded as {@code fileName}. */
    static ExtractReader open(Path file, String fileName) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (head.length == 0) {
            throw new ExtractException("migration.extract.empty", fileName);
        }
        boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            if (!zip) {
                throw new ExtractException("migration.extract.notWorkbook", fileName);
            }
            return XlsxExtractReader.open(file, fileName);
        }
        if (name.endsWith(".xls")) {
            throw new ExtractException("migration.extract.oldExcel", fileName);
        }
        if (zip) {
            // a workbook with another name is still a workbook
            return XlsxExtractReader.open(file, fileName);
        }
        return CsvExtractReader.open(file, fileName);
    }
}
