package io.rollout.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file as customers hand it over: UTF-8 with or without BOM, or GBK (Chinese Excel),
 * comma, semicolon or tab separated (European Excel writes semicolons), with a header row. Used by the
 * test case, attendance and requirement imports.
 */
public final class CsvSource {

    /** The ANSI code page Chinese Excel saves CSV in. */
    public static final Charset GBK = Charset.forName("GBK");

    private CsvSource() {}

    /**
     * The rows of a file and which of our keys its headers matched.
     *
     * @param rows one {@link FormRow} per record, keyed by our field names and numbered as the
     *             spreadsheet row (the header is row 1), so import and form share one validation
     * @param keys our field names of the headers found, in column order
     */
    public record Parsed(List<FormRow> rows, List<String> keys) {}

    /**
     * Reads a file with a header row.
     *
     * @param columns our field name by header text (English and Chinese headers); other columns are ignored
     */
    public static Parsed read(InputStream in, Map<String, String> columns) {
        String text = decode(readAll(in));
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter(text))
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setAllowMissingColumnNames(true)
                .get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Map<Integer, String> keyByIndex = new LinkedHashMap<>();
            List<String> headers = parser.getHeaderNames();
            for (int i = 0; i < headers.size(); i++) {
                String key = columns.get(headers.get(i).trim());
                if (key != null) {
                    keyByIndex.put(i, key);
                }
            }
            List<FormRow> rows = new ArrayList<>();
            int number = 1;
            for (CSVRecord record : parser) {
                number++;
                Map<String, Object> values = new LinkedHashMap<>();
                keyByIndex.forEach((index, key) -> values.put(key, index < record.size() ? record.get(index) : null));
                rows.add(new FormRow(number, values));
            }
            return new Parsed(rows, List.copyOf(keyByIndex.values()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text of a file: UTF-8 when the bytes (after a UTF-8 BOM, which is dropped) are valid UTF-8,
     * otherwise GBK.
     */
    public static String decode(byte[] bytes) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, start, bytes.length - start, GBK);
        }
    }

    /**
     * The delimiter the header line uses most: {@code ;} or a tab when it has more of them than commas (a tab
     * wins a tie with {@code ;}), else {@code ,}.
     */
    public static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long commas = header.chars().filter(c -> c == ',').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
