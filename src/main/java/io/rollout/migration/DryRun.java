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
    record ReasonCount(String rule, long rows, long firstRow, String example) {
    }

    /** The reconciliation of a dry run. */
    record Result(String sourceFile, String format, long sourceRows, long acceptedRows, long rejectedRows,
                  long duplicateRows, long duplicateGroups, List<ColumnSum> sums, List<ReasonCount> reasons,
                  long millis) {

        boolean reconciled() {
            return sourceRows == acceptedRows + rejectedRows && sums.stream().allMatch(ColumnSum::reconciled);
        }
    }

    private DryRun() {
    }

    /**
     * Runs the rules over the extract and writes the result files into {@code outDir}.
     *
     * @param references the values of referenced datasets, see {@link RowRules}
     * @param text       renders a problem (a reason, a file header) in the records' language
     */
    static Result run(ExtractReader reader, DatasetDefinition definition, String sourceFile,
                      BiFunction<String, String, Predicate<String>> references, Path outDir,
                      Function<Problem, String> text) {
        long start = System.nanoTime();
        RowRules rules = new RowRules(definition, reader.header(), references);
        List<String> columns = rules.columns();
        int[] sumColumns = definition.reconcileColumns().stream()
            .mapToInt(c -> indexOf(columns, c)).toArray();
        BigDecimal[] sourceSums = zeros(sumColumns.length);
        BigDecimal[] acceptedSums = zeros(sumColumns.length);
        BigDecimal[] rejectedSums = zeros(sumColumns.length);
        long[] notNumeric = new long[sumColumns.length];
        Map<String, long[]> reasons = new LinkedHashMap<>();
        Map<String, String> examples = new LinkedHashMap<>();
        Set<Long> groups = new HashSet<>();
        long source = 0;
        long accepted = 0;
        long rejected = 0;
        long duplicates = 0;
        try {
            Files.createDirectories(outDir);
            try (CSVPrinter acceptedOut = printer(outDir.resolve(ACCEPTED));
                 CSVPrinter rejectedOut = printer(outDir.resolve(REJECTED));
                 CSVPrinter duplicatesOut = printer(outDir.resolve(DUPLICATES))) {
                acceptedOut.printRecord(header(List.of(text.apply(Problem.of("migration.file.sourceFile")),
                    text.apply(Problem.of("migration.file.sourceRow"))), columns));
                rejectedOut.printRecord(header(List.of(text.apply(Problem.of("migration.file.sourceRow")),
                    text.apply(Problem.of("migration.file.rules")), text.apply(Problem.of("migration.file.reasons"))),
                    columns));
                duplicatesOut.printRecord(header(List.of(text.apply(Problem.of("migration.file.duplicateKey")),
                    text.apply(Problem.of("migration.file.sourceRow")),
                    text.apply(Problem.of("migration.file.firstRow"))), columns));
                String row;
                Object[] line = new Object[columns.size() + 3];
                for (SourceRow next = reader.next(); next != null; next = reader.next()) {
                    SourceRow sourceRow = next;
                    source++;
                    row = String.valueOf(sourceRow.number());
                    String[] raw = rules.select(sourceRow.values());
                    BigDecimal[] rawNumbers = new BigDecimal[sumColumns.length];
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
                    Outcome outcome = rules.check(sourceRow.number(), sourceRow.values());
                    if (outcome.accepted()) {
                        accepted++;
                        line[0] = sourceFile;
                        line[1] = row;
                        System.arraycopy(outcome.values(), 0, line, 2, columns.size());
                        acceptedOut.printRecord(java.util.Arrays.copyOf(line, columns.size() + 2));
                        for (int s = 0; s < sumColumns.length; s++) {
                            if (rawNumbers[s] != null) {
                                acceptedSums[s] = acceptedSums[s].add(rawNumbers[s]);
                            }
                        }
                        continue;
                    }
                    rejected++;
                    for (int s = 0; s < sumColumns.length; s++) {
                        if (rawNumbers[s] != null) {
                            rejectedSums[s] = rejectedSums[s].add(rawNumbers[s]);
                        }
                    }
                    StringBuilder ruleNames = new StringBuilder();
                    StringBuilder reasonTexts = new StringBuilder();
                    for (Violation v : outcome.violations()) {
                        String reason = text.apply(v.problem());
                        if (!ruleNames.isEmpty()) {
                            ruleNames.append("; ");
                            reasonTexts.append("; ");
                        }
                        ruleNames.append(v.rule());
                        reasonTexts.append(reason);
                        long[] count = reasons.computeIfAbsent(v.rule(), k -> new long[] {0, sourceRow.number()});
                        count[0]++;
                        examples.putIfAbsent(v.rule(), reason);
                    }
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
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (source == 0) {
            throw new ExtractException("migration.extract.noRows", sourceFile);
        }
        List<ColumnSum> sums = new ArrayList<>();
        for (int s = 0; s < sumColumns.length; s++) {
            sums.add(new ColumnSum(columns.get(sumColumns[s]), sourceSums[s], acceptedSums[s], rejectedSums[s],
                notNumeric[s]));
        }
        List<ReasonCount> reasonCounts = reasons.entrySet().stream()
            .map(e -> new ReasonCount(e.getKey(), e.getValue()[0], e.getValue()[1], examples.get(e.getKey())))
            .sorted(Comparator.comparingLong(ReasonCount::rows).reversed().thenComparingLong(ReasonCount::firstRow))
            .toList();
        return new Result(sourceFile, reader.description(), source, accepted, rejected, duplicates, groups.size(),
            List.copyOf(sums), reasonCounts, (System.nanoTime() - start) / 1_000_000);
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
        java.util.Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    private static List<String> header(List<String> first, List<String> columns) {
        List<String> header = new ArrayList<>(first);
        header.addAll(columns);
        return header;
    }

    /** A CSV file for Excel: UTF-8 with byte order mark, comma separated. */
    static CSVPrinter printer(Path file) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
            1 << 16);
        writer.write('\uFEFF');
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
    }
}
