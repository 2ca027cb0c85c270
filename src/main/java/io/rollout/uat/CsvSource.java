package io.rollout.uat;

import io.rollout.shared.FormRow;
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
 * comma or semicolon separated, with a header row. Each record becomes a {@link FormRow} keyed by
 * our field names (mapped from English or Chinese headers) and numbered as the spreadsheet row
 * (the header is row 1), so import and form share one validation.
 */
final class CsvSource {

    private static final Charset GBK = Charset.forName("GBK");

    private CsvSource() {
    }

    /** The rows and the headers that matched none of {@code columns}. */
    record Parsed(List<FormRow> rows, List<String> keys) {
    }

    static Parsed read(InputStream in, Map<String, String> columns) {
        String text = decode(readAll(in));
        char delimiter = delimiter(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
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

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            // Chinese Excel saves CSV in the ANSI code page, GBK
            return new String(bytes, GBK);
        }
    }

    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count() ? ';' : ',';
    }
}
