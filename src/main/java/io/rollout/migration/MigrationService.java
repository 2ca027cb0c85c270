package io.rollout.migration;

import io.rollout.migration.DryRunRules.Evaluation;
import io.rollout.migration.DryRunRules.Figures;
import io.rollout.migration.MigrationRepository.Extract;
import io.rollout.migration.MigrationRepository.Run;
import io.rollout.project.ProjectScope;
import io.rollout.shared.Messages;
import io.rollout.shared.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Data migration of one dataset: its definition, accepting an uploaded extract (size, format, encoding,
 * header and first row are checked at once, so an obviously wrong file is refused while the user
 * waits), and the dry run itself ({@link DryRun} over the stored extract, run by the asynchronous
 * {@code ServiceTask_RunDryRun}). A refused extract leaves no file and no round behind.
 */
@Service
class MigrationService {

    private final DatasetRepository datasets;
    private final MigrationRepository migrations;
    private final ExtractStore store;
    private final MigrationProperties properties;
    private final ProjectScope scope;
    private final Messages messages;
    private final Clock clock;

    MigrationService(
            DatasetRepository datasets,
            MigrationRepository migrations,
            ExtractStore store,
            MigrationProperties properties,
            ProjectScope scope,
            Messages messages,
            Clock clock) {
        this.datasets = datasets;
        this.migrations = migrations;
        this.store = store;
        this.properties = properties;
        this.scope = scope;
        this.messages = messages;
        this.clock = clock;
    }

    /** The outcome of a dry run: the stored run, or why the extract was refused (then {@code run} is null). */
    record RunOutcome(Run run, Evaluation evaluation, int threshold, String refusal, String fileName) {}

    /** Problems of a definition for this project, empty when it can be saved. */
    List<Problem> check(String projectCode, DatasetDefinition definition) {
        return DefinitionRules.check(definition, scope.departments(projectCode), scope.datasets(projectCode));
    }

    /** Stores a checked definition; refuses it with every problem otherwise. */
    void define(String projectCode, DatasetDefinition definition, String user) {
        List<Problem> problems = check(projectCode, definition);
        if (!problems.isEmpty()) {
            throw Problem.reject(messages, problems);
        }
        datasets.save(projectCode, definition, user, Instant.now(clock));
    }

    /** The dataset's definition; refuses the request when the data steward has not defined it yet. */
    DatasetDefinition definition(String projectCode, String dataset) {
        return datasets.find(projectCode, dataset)
                .orElseThrow(() -> messages.reject("migration.dataset.undefined", dataset, projectCode));
    }

    /** The reject threshold of the dataset in percent: its own, else the project's. */
    int threshold(String projectCode, DatasetDefinition definition) {
        return definition.rejectThreshold() != null
                ? definition.rejectThreshold()
                : scope.project(projectCode).rejectThreshold();
    }

    /**
     * Checks and stores an uploaded extract for the next dry run; refuses it with the reason (and stores
     * nothing) when it is too large, empty, not readable, or its header does not fit the dataset.
     */
    Extract accept(String projectCode, String dataset, String fileName, long size, InputStream content, String user) {
        DatasetDefinition definition = definition(projectCode, dataset);
        long max = properties.maxUploadSize().toBytes();
        if (size > max) {
            throw messages.reject("migration.extract.tooLarge", fileName, String.valueOf(size), String.valueOf(max));
        }
        Path file = store.saveExtract(projectCode, dataset, fileName, content);
        deleteOnRollback(file);
        String format;
        try {
            long stored = Files.size(file);
            if (stored > max) {
                throw new ExtractException(
                        "migration.extract.tooLarge", fileName, String.valueOf(stored), String.valueOf(max));
            }
            format = quickCheck(file, fileName, definition);
        } catch (ExtractException e) {
            store.delete(file);
            throw messages.reject(e.problem().code(), e.problem().args());
        } catch (IOException e) {
            store.delete(file);
            throw new UncheckedIOException(e);
        }
        Extract extract = new Extract(
                0,
                projectCode,
                dataset,
                fileName,
                size,
                file.toString(),
                format,
                MigrationRepository.PENDING,
                null,
                user,
                Instant.now(clock));
        long id = migrations.addExtract(extract);
        return migrations.extract(id).orElseThrow();
    }

    private static String quickCheck(Path file, String fileName, DatasetDefinition definition) {
        try (ExtractReader reader = ExtractReader.open(file, fileName)) {
            // references are checked in the dry run; here only the header counts
            RowRules rules = new RowRules(definition, reader.header(), (d, c) -> v -> true);
            if (reader.next() == null) {
                throw new ExtractException("migration.extract.noRows", fileName);
            }
            return reader.description() + " " + rules.columns().size() + " columns";
        }
    }

    /**
     * Runs the dataset's rules over a pending extract and stores the result as the next round; an
     * extract that turns out to be unreadable further down is refused (nothing stored but its status).
     */
    RunOutcome dryRun(String projectCode, String dataset, long extractId) {
        Extract extract = migrations
                .extract(extractId)
                .filter(e -> e.projectCode().equals(projectCode) && e.dataset().equals(dataset))
                .filter(e -> MigrationRepository.PENDING.equals(e.status()))
                .orElseThrow(() -> new IllegalStateException("no pending extract " + extractId + " of " + dataset));
        DatasetDefinition definition = definition(projectCode, dataset);
        int threshold = threshold(projectCode, definition);
        Path work = store.workDir(projectCode, dataset);
        DryRun.Result result;
        try (ExtractReader reader = ExtractReader.open(Path.of(extract.storedPath()), extract.fileName())) {
            result = DryRun.run(
                    reader,
                    definition,
                    extract.fileName(),
                    references(projectCode),
                    work,
                    p -> messages.forRecord(p.code(), p.args()));
        } catch (ExtractException e) {
            store.delete(work);
            store.delete(Path.of(extract.storedPath()));
            String refusal = messages.forRecord(e.problem().code(), e.problem().args());
            migrations.extractDone(extractId, MigrationRepository.REFUSED, refusal);
            return new RunOutcome(null, null, threshold, refusal, extract.fileName());
        } catch (RuntimeException e) {
            store.delete(work);
            throw e;
        }
        int round = migrations.lastRound(projectCode, dataset) + 1;
        Path dir = store.keepAsRound(work, projectCode, dataset, round);
        Figures figures = new Figures(result.sourceRows(), result.acceptedRows(), result.rejectedRows());
        Run run = new Run(
                round,
                figures,
                extract.fileName(),
                ruleSummary(definition),
                reasonSummary(result),
                extract.uploadedBy(),
                Instant.now(clock),
                extractId,
                result.duplicateRows(),
                result.duplicateGroups(),
                dir.toString(),
                result.format(),
                result.millis());
        migrations.recordRun(projectCode, dataset, run);
        migrations.recordSums(projectCode, dataset, round, result.sums());
        migrations.recordReasons(projectCode, dataset, round, result.reasons());
        migrations.extractDone(extractId, MigrationRepository.PROCESSED, null);
        return new RunOutcome(run, DryRunRules.evaluate(figures, threshold), threshold, null, extract.fileName());
    }

    /** The accepted values of another dataset's latest signed-off round, for reference rules. */
    private BiFunction<String, String, Predicate<String>> references(String projectCode) {
        return (dataset, column) -> {
            Run run = migrations
                    .latestSignedOffRun(projectCode, dataset)
                    .orElseThrow(() -> new ExtractException("migration.dryRun.referenceNotSignedOff", dataset));
            KeyIndex values = new KeyIndex();
            try (BufferedReader in = Files.newBufferedReader(
                            Path.of(run.resultDir()).resolve(DryRun.ACCEPTED), StandardCharsets.UTF_8);
                    CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT)) {
                int index = -1;
                for (CSVRecord record : parser) {
                    if (index < 0) {
                        for (int i = 2; i < record.size(); i++) {
                            if (Normalise.header(record.get(i)).equals(Normalise.header(column))) {
                                index = i;
                            }
                        }
                        if (index < 0) {
                            throw new ExtractException("migration.dryRun.referenceColumn", dataset, column);
                        }
                        continue;
                    }
                    values.putIfAbsent(record.get(index), record.getRecordNumber());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return values::contains;
        };
    }

    private static String ruleSummary(DatasetDefinition definition) {
        String rules = String.join(
                "; ", definition.rules().stream().map(CleansingRule::label).toList());
        return rules.length() > 4000 ? rules.substring(0, 4000) : rules;
    }

    private String reasonSummary(DryRun.Result result) {
        String reasons = String.join(
                "; ",
                result.reasons().stream()
                        .limit(properties.topReasons())
                        .map(r -> r.rule() + ": " + r.rows())
                        .toList());
        return reasons.isEmpty() ? null : reasons.length() > 4000 ? reasons.substring(0, 4000) : reasons;
    }

    private void deleteOnRollback(Path file) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        store.delete(file);
                    }
                }
            });
        }
    }

    /** Opens a stored result file of a round; {@code null} when the round or the file does not exist. */
    Path resultFile(String projectCode, String dataset, int round, String name) {
        return migrations
                .run(projectCode, dataset, round)
                .map(r -> Path.of(r.resultDir()).resolve(name))
                .filter(Files::exists)
                .orElse(null);
    }
}
