package io.rollout.migration;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores the staged records of a dataset in {@code migration_staging}: what {@link StagingLoader} takes from the
 * accepted rows of a signed-off round. JdbcTemplate, not JdbcClient, because a load inserts in JDBC batches.
 */
@Repository
class StagingRepository {

    private final JdbcTemplate jdbc;

    StagingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Removes the dataset's staged records: a new load replaces the previous one. */
    void clear(String projectCode, String dataset) {
        jdbc.update("delete from migration_staging where project_code = ? and dataset = ?", projectCode, dataset);
    }

    /**
     * Inserts one batch of staged records, each {@code project_code, dataset, round, source_file, source_row,
     * record_key, payload}; returns how many.
     */
    int insert(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate("""
            insert into migration_staging (project_code, dataset, round, source_file, source_row, record_key, payload)
            values (?, ?, ?, ?, ?, ?, ?)""", batch);
        return batch.size();
    }
}
