package io.rollout.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * Registers a dataset definition given as JSON (the shape of {@code PUT /api/projects/{code}/datasets/{dataset}})
 * for another feature, e.g. the demo project; the same checks apply as for the data steward.
 */
@Component
public class DatasetRegistration {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MigrationService migration;

    DatasetRegistration(MigrationService migration) {
        this.migration = migration;
    }

    /** Stores the definition read from {@code json} for the project; refuses an invalid one. */
    public void register(String projectCode, InputStream json, String user) {
        try {
            migration.define(projectCode, JSON.readValue(json, DatasetDefinition.class), user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
