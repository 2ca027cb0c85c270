package io.rollout.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV extract read as a stream: the encoding from {@link TextEncoding}, the delimiter (comma,
 * semicolon or tab) from the header line, records parsed by commons-csv. Every record must have as
 * many fields as the header (a ragged row is refused with its row number); bytes that are not valid in
 * the detected encoding are refused with the row they are in.
 */
final class CsvExtractReader implements ExtractReader {

    // The decoder reads ahead of the parser, so bytes it cannot decode are marked with the replacement
    // character and refused with the row they end up in.
    private static final char REPLACEMENT = '\uFFFD';

    private final String fileName;
    private final TextEncoding encoding;
    private final char delimiter;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long lastRow = 1;

    private CsvExtractReader(String fileName, TextEncoding encoding, BufferedReader reader) throws IOException {
        this.fileName = fileName;
        this.encoding = encoding;
        reader.mark(TextEncoding.SAMPLE);
        String first = reader.readLine();
        reader.reset();
        if (first == null || first.isBlank()) {
            throw new ExtractException("migration.extract.empty", fileName);
        }
        this.delimiter = delimiter(first);
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
        this.parser = CSVParser.parse(reader, format);
        this.records = parser.iterator();
        CSVRecord headerRecord = nextRecord();
        this.header =
                headerRecord.stream().map(h -> h.replace("\uFEFF", "").trim()).toList();
    }

    static CsvExtractReader open(Path file, String fileName) {
        InputStream in = null;
        try {
            TextEncoding encoding;
            try (InputStream sample = Files.newInputStream(file)) {
                encoding = TextEncoding.detect(sample);
            }
            in = Files.newInputStream(file);
            in.skipNBytes(encoding.bomLength());
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, encoding.replacingDecoder()), 1 << 16);
            return new CsvExtractReader(fileName, encoding, reader);
        } catch (IOException e) {
            closeQuietly(in);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /** The delimiter the header line uses most outside quotes: comma, semicolon or tab (comma on a tie). */
    static char delimiter(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> {}
                }
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SourceRow next() {
        while (true) {
            CSVRecord record = nextRecord();
            if (record == null) {
                return null;
            }
            long row = record.getRecordNumber();
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            if (record.size() != header.size()) {
                throw new ExtractException("migration.extract.ragged", row, record.size(), header.size());
            }
            String[] values = record.values();
            for (String value : values) {
                if (value.indexOf(REPLACEMENT) >= 0) {
                    throw new ExtractException(
                            "migration.extract.undecodable",
                            row,
                            encoding.charset().name());
                }
            }
            return new SourceRow(row, values);
        }
    }

    private CSVRecord nextRecord() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            lastRow = record.getRecordNumber();
            return record;
        } catch (UncheckedIOException e) {
            throw new ExtractException(
                    "migration.extract.malformed",
                    lastRow + 1,
                    String.valueOf(
                            e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
        } catch (IllegalStateException e) {
            throw new ExtractException("migration.extract.malformed", lastRow + 1, String.valueOf(e.getMessage()));
        }
    }

    @Override
    public String description() {
        return "csv " + encoding.charset().name() + (encoding.bomLength() > 0 ? " BOM" : "") + " "
                + (delimiter == '\t' ? "tab" : String.valueOf(delimiter));
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the original failure matters more
            }
        }
    }

    @Override
    public String toString() {
        return fileName + " " + description() + " " + Arrays.toString(header.toArray());
    }
}
