package io.rollout.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rollout.migration.MigrationRepository.Run;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * Loads the accepted rows of a signed-off round into {@code migration_staging} ({@link StagingRepository}) with
 * JDBC batch inserts, streaming the round's {@code accepted.csv}: one row per record with project, dataset, round,
 * source file and row (traceability), the key column values and the cleaned values as JSON. A new load
 * of the dataset replaces the previous one.
 */
@Component
class StagingLoader {

    static final int BATCH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StagingRepository staging;

    StagingLoader(StagingRepository staging) {
        this.staging = staging;
    }

    /** Loads the run's accepted rows; returns how many. */
    long load(String projectCode, DatasetDefinition definition, Run run) {
        staging.clear(projectCode, definition.dataset());
        Path accepted = Path.of(run.resultDir()).resolve(DryRun.ACCEPTED);
        long loaded = 0;
        try (BufferedReader in = Files.newBufferedReader(accepted, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, CSVFormat.DEFAULT)) {
            List<String> columns = null;
            int[] key = null;
            List<Object[]> batch = new ArrayList<>(BATCH);
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = record.stream().skip(2).toList();
                    key = definition.keyColumns().stream()
                            .mapToInt(columns::indexOf)
                            .filter(i -> i >= 0)
                            .toArray();
                    continue;
                }
                Map<String, String> payload = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    payload.put(columns.get(i), record.get(i + 2));
                }
                StringBuilder recordKey = new StringBuilder();
                for (int k : key) {
                    recordKey.append(recordKey.isEmpty() ? "" : "|").append(record.get(k + 2));
                }
                batch.add(new Object[] {
                    projectCode,
                    definition.dataset(),
                    run.round(),
                    record.get(0),
                    Long.parseLong(record.get(1)),
                    recordKey.isEmpty() ? null : recordKey.toString(),
                    json(payload)
                });
                if (batch.size() == BATCH) {
                    loaded += insert(batch);
                }
            }
            loaded += insert(batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loaded;
    }

    private int insert(List<Object[]> batch) {
        int size = staging.insert(batch);
        batch.clear();
        return size;
    }

    private static String json(Map<String, String> payload) {
        try {
            String json = JSON.writeValueAsString(payload);
            if (json.length() > 4000) {
                throw new IllegalStateException(
                        "a record of more than 4000 characters cannot be staged: " + json.substring(0, 80) + "...");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
