package io.rollout.migration;

import io.rollout.migration.ExtractReader.SourceRow;
import io.rollout.migration.RowRules.Outcome;
import io.rollout.migration.RowRules.Violation;
import io.rollout.shared.Problem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One dry run of an extract in a single pass: every source row is checked by {@link RowRules} and
 * written either to {@code accepted.csv} (source file, source row, cleaned values: what a load takes)
 * or to {@code rejected.csv} (source row, rules, reasons, the original values: what the business fixes),
 * later rows of a duplicate key also to {@code duplicates.csv}. The reconciliation comes with it:
 * source rows = accepted + rejected, and for each reconciliation column the sum over the source rows
 * = the sum over the accepted rows + the sum over the rejected rows. Files are UTF-8 with a byte order
 * mark so that Excel opens Chinese text correctly. Plain class: no engine, no Spring.
 */
final class DryRun {

    static final String ACCEPTED = "accepted.csv";
    static final String REJECTED = "rejected.csv";
    static final String DUPLICATES = "duplicates.csv";

    /**
     * Sums of a numeric column.
     *
     * @param notNumeric source values that are not numbers (they are in no sum)
     */
    record ColumnSum(String column, BigDecimal source, BigDecimal accepted, BigDecimal rejected, long notNumeric) {

        boolean reconciled() {
            return source.compareTo(accepted.add(rejected)) == 0;
        }
    }

    /** How many rows a rule rejected, and the first of them. */
    record ReasonCount(String rule, long rows, long firstRow, String example) {}

    /** The reconciliation of a dry run. */
    record Result(
            String sourceFile,
            String format,
            long sourceRows,
            long acceptedRows,
            long rejectedRows,
            long duplicateRows,
            long duplicateGroups,
            List<ColumnSum> sums,
            List<ReasonCount> reasons,
            long millis) {

        boolean reconciled() {
            return sourceRows == acceptedRows + rejectedRows && sums.stream().allMatch(ColumnSum::reconciled);
        }
    }

    private DryRun() {}

    /**
     * Runs the rules over the extract and writes the result files into {@code outDir}.
     *
     * @param references the values of referenced datasets, see {@link RowRules}
     * @param text       renders a problem (a reason, a file header) in the records' language
     */
    static Result run(
            ExtractReader reader,
            DatasetDefinition definition,
            String sourceFile,
            BiFunction<String, String, Predicate<String>> references,
            Path outDir,
            Function<Problem, String> text) {
        long start = System.nanoTime();
        RowRules rules = new RowRules(definition, reader.header(), references);
        Pass pass = new Pass(rules, definition.reconcileColumns(), sourceFile, text);
        try {
            Files.createDirectories(outDir);
            try (CSVPrinter accepted = printer(outDir.resolve(ACCEPTED));
                    CSVPrinter rejected = printer(outDir.resolve(REJECTED));
                    CSVPrinter duplicates = printer(outDir.resolve(DUPLICATES))) {
                pass.headers(accepted, rejected, duplicates);
                for (SourceRow next = reader.next(); next != null; next = reader.next()) {
                    pass.row(next, accepted, rejected, duplicates);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pass.source == 0) {
            throw new ExtractException("migration.extract.noRows", sourceFile);
        }
        return pass.result(reader.description(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The state of one pass over an extract: the counts, the reconciliation sums and the reject reasons so far.
     * Its buffers ({@code line}, {@code rawNumbers}, the reason texts) are reused from row to row: a dry run reads
     * a million rows, and each row should cost only the objects the rules and the CSV writer need.
     */
    private static final class Pass {

        private final RowRules rules;
        private final List<String> columns;
        private final String sourceFile;
        private final Function<Problem, String> text;
        private final int[] sumColumns;
        private final BigDecimal[] sourceSums;
        private final BigDecimal[] acceptedSums;
        private final BigDecimal[] rejectedSums;
        private final long[] notNumeric;
        private final BigDecimal[] rawNumbers;
        private final Object[] line;
        private final StringBuilder ruleNames = new StringBuilder();
        private final StringBuilder reasonTexts = new StringBuilder();
        private final Map<String, long[]> reasons = new LinkedHashMap<>();
        private final Map<String, String> examples = new LinkedHashMap<>();
        private final Set<Long> groups = new HashSet<>();
        private long source;
        private long accepted;
        private long rejected;
        private long duplicates;

        Pass(RowRules rules, List<String> reconcileColumns, String sourceFile, Function<Problem, String> text) {
            this.rules = rules;
            this.columns = rules.columns();
            this.sourceFile = sourceFile;
            this.text = text;
            this.sumColumns =
                    reconcileColumns.stream().mapToInt(c -> indexOf(columns, c)).toArray();
            this.sourceSums = zeros(sumColumns.length);
            this.acceptedSums = zeros(sumColumns.length);
            this.rejectedSums = zeros(sumColumns.length);
            this.notNumeric = new long[sumColumns.length];
            this.rawNumbers = new BigDecimal[sumColumns.length];
            this.line = new Object[columns.size() + 3];
        }

        void headers(CSVPrinter acceptedOut, CSVPrinter rejectedOut, CSVPrinter duplicatesOut) throws IOException {
            acceptedOut.printRecord(
                    header(columns, text("migration.file.sourceFile"), text("migration.file.sourceRow")));
            rejectedOut.printRecord(header(
                    columns,
                    text("migration.file.sourceRow"),
                    text("migration.file.rules"),
                    text("migration.file.reasons")));
            duplicatesOut.printRecord(header(
                    columns,
                    text("migration.file.duplicateKey"),
                    text("migration.file.sourceRow"),
                    text("migration.file.firstRow")));
        }

        /** Checks one source row and writes it to the accepted or the rejected (and duplicates) file. */
        void row(SourceRow sourceRow, CSVPrinter acceptedOut, CSVPrinter rejectedOut, CSVPrinter duplicatesOut)
                throws IOException {
            source++;
            String row = String.valueOf(sourceRow.number());
            String[] raw = rules.select(sourceRow.values());
            sumSource(raw);
            Outcome outcome = rules.check(sourceRow.number(), sourceRow.values());
            if (outcome.accepted()) {
                accepted++;
                add(acceptedSums);
                line[0] = sourceFile;
                line[1] = row;
                System.arraycopy(outcome.values(), 0, line, 2, columns.size());
                acceptedOut.printRecord(Arrays.copyOf(line, columns.size() + 2));
                return;
            }
            rejected++;
            add(rejectedSums);
            reasons(outcome, sourceRow.number());
            line[0] = row;
            line[1] = ruleNames.toString();
            line[2] = reasonTexts.toString();
            System.arraycopy(raw, 0, line, 3, columns.size());
            rejectedOut.printRecord(line);
            if (outcome.duplicate() != null) {
                duplicates++;
                groups.add(outcome.duplicate().firstRow());
                line[0] = outcome.duplicate().key();
                line[1] = row;
                line[2] = String.valueOf(outcome.duplicate().firstRow());
                duplicatesOut.printRecord(line);
            }
        }

        /** Reads the reconciliation columns of a source row as numbers and adds them to the source sums. */
        private void sumSource(String[] raw) {
            for (int s = 0; s < sumColumns.length; s++) {
                rawNumbers[s] = RowRules.number(raw[sumColumns[s]]);
                if (rawNumbers[s] == null) {
                    if (!Normalise.strip(raw[sumColumns[s]]).isEmpty()) {
                        notNumeric[s]++;
                    }
                } else {
                    sourceSums[s] = sourceSums[s].add(rawNumbers[s]);
                }
            }
        }

        private void add(BigDecimal[] sums) {
            for (int s = 0; s < sumColumns.length; s++) {
                if (rawNumbers[s] != null) {
                    sums[s] = sums[s].add(rawNumbers[s]);
                }
            }
        }

        /** Counts the rejected row's broken rules and joins their names and reasons for its line. */
        private void reasons(Outcome outcome, long number) {
            ruleNames.setLength(0);
            reasonTexts.setLength(0);
            for (Violation v : outcome.violations()) {
                String reason = text.apply(v.problem());
                if (!ruleNames.isEmpty()) {
                    ruleNames.append("; ");
                    reasonTexts.append("; ");
                }
                ruleNames.append(v.rule());
                reasonTexts.append(reason);
                long[] count = reasons.get(v.rule());
                if (count == null) {
                    reasons.put(v.rule(), new long[] {1, number});
                    examples.put(v.rule(), reason);
                } else {
                    count[0]++;
                }
            }
        }

        Result result(String format, long millis) {
            List<ColumnSum> sums = new ArrayList<>();
            for (int s = 0; s < sumColumns.length; s++) {
                sums.add(new ColumnSum(
                        columns.get(sumColumns[s]), sourceSums[s], acceptedSums[s], rejectedSums[s], notNumeric[s]));
            }
            List<ReasonCount> reasonCounts = reasons.entrySet().stream()
                    .map(e -> new ReasonCount(e.getKey(), e.getValue()[0], e.getValue()[1], examples.get(e.getKey())))
                    .sorted(Comparator.comparingLong(ReasonCount::rows)
                            .reversed()
                            .thenComparingLong(ReasonCount::firstRow))
                    .toList();
            return new Result(
                    sourceFile,
                    format,
                    source,
                    accepted,
                    rejected,
                    duplicates,
                    groups.size(),
                    List.copyOf(sums),
                    reasonCounts,
                    millis);
        }

        private String text(String code) {
            return text.apply(Problem.of(code));
        }
    }

    private static int indexOf(List<String> columns, String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (Normalise.header(columns.get(i)).equals(Normalise.header(column))) {
                return i;
            }
        }
        throw new IllegalStateException("reconciliation column " + column + " is not a column of the dataset");
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] zeros = new BigDecimal[n];
        Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    private static List<String> header(List<String> columns, String... first) {
        List<String> header = new ArrayList<>(List.of(first));
        header.addAll(columns);
        return header;
    }

    /** A CSV file for Excel: UTF-8 with byte order mark, comma separated. */
    static CSVPrinter printer(Path file) throws IOException {
        Writer writer = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        writer.write('\uFEFF');
        return new CSVPrinter(
                writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
    }
}
