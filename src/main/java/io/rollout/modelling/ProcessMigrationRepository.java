package io.rollout.modelling;

import io.rollout.modelling.ProcessMigrations.InstanceCheck;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of every migration a process owner started ({@code process_migration}) and of the instances it moves
 * ({@code process_migration_instance}): what was asked, by whom, the engine's batch, and the outcome once the batch
 * has ended.
 */
@Repository
class ProcessMigrationRepository {

    /** The instructions column holds 8,000 characters; a longer plan is cut with an ellipsis. */
    static final int INSTRUCTIONS_MAX = 8000;

    /** A migration as it is asked for, before it has an id. */
    record NewMigration(
            String processKey,
            String sourceDefinitionId,
            int sourceVersion,
            String targetDefinitionId,
            int targetVersion,
            String instructions,
            String batchId,
            String requestedBy,
            Instant requestedAt) {}

    /** A migration as stored; {@code migrated} and {@code finishedAt} are set once its batch has ended. */
    record Stored(
            long id,
            String processKey,
            int sourceVersion,
            int targetVersion,
            String instructions,
            String batchId,
            String requestedBy,
            Instant requestedAt,
            String status,
            Instant finishedAt,
            Integer migrated) {}

    /** A migration whose batch was still running when last looked at. */
    record Running(
            long id,
            String batchId,
            String targetDefinitionId,
            String processKey,
            int sourceVersion,
            int targetVersion) {}

    private final JdbcClient jdbc;

    ProcessMigrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a started migration with its instances, as {@code running}, and returns its id. */
    long add(NewMigration m, List<InstanceCheck> instances) {
        jdbc.sql("""
                insert into process_migration (process_key, source_definition_id, source_version,
                    target_definition_id, target_version, instructions, batch_id, requested_by, requested_at, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running')""")
                .params(
                        m.processKey(),
                        m.sourceDefinitionId(),
                        m.sourceVersion(),
                        m.targetDefinitionId(),
                        m.targetVersion(),
                        truncate(m.instructions()),
                        m.batchId(),
                        m.requestedBy(),
                        Timestamp.from(m.requestedAt()))
                .update();
        long id = jdbc.sql("select id from process_migration where batch_id = ?")
                .param(m.batchId())
                .query(Long.class)
                .single();
        for (InstanceCheck c : instances) {
            jdbc.sql("insert into process_migration_instance (migration_id, process_instance_id, business_key) "
                            + "values (?, ?, ?)")
                    .params(id, c.processInstanceId(), c.businessKey())
                    .update();
        }
        return id;
    }

    /** The ids of every migration, newest first. */
    List<Long> ids() {
        return jdbc.sql("select id from process_migration order by id desc")
                .query(Long.class)
                .list();
    }

    Optional<Stored> find(long id) {
        return jdbc.sql("""
                select id, process_key, source_version, target_version, instructions, batch_id, requested_by,
                       requested_at, status, finished_at, migrated
                from process_migration where id = ?""").param(id).query(ProcessMigrationRepository::stored).optional();
    }

    List<Running> running() {
        return jdbc.sql("""
                select id, batch_id, target_definition_id, process_key, source_version, target_version
                from process_migration where status = 'running'""")
                .query((rs, n) -> new Running(
                        rs.getLong("id"),
                        rs.getString("batch_id"),
                        rs.getString("target_definition_id"),
                        rs.getString("process_key"),
                        rs.getInt("source_version"),
                        rs.getInt("target_version")))
                .list();
    }

    /**
     * Sets the outcome of a running migration; 0 when it is no longer running, so only one node (or one call)
     * closes it and records its outcome.
     */
    int close(long id, String outcome, Instant finishedAt, int migrated) {
        return jdbc.sql("update process_migration set status = ?, finished_at = ?, migrated = ? "
                        + "where id = ? and status = 'running'")
                .params(outcome, Timestamp.from(finishedAt), migrated, id)
                .update();
    }

    /** The instances a migration moves, by instance id, as they passed the dry run. */
    List<InstanceCheck> instances(long id) {
        return jdbc.sql("select process_instance_id, business_key from process_migration_instance "
                        + "where migration_id = ? order by process_instance_id")
                .param(id)
                .query((rs, n) -> new InstanceCheck(
                        rs.getString("process_instance_id"), rs.getString("business_key"), true, List.of()))
                .list();
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Stored(
                rs.getLong("id"),
                rs.getString("process_key"),
                rs.getInt("source_version"),
                rs.getInt("target_version"),
                rs.getString("instructions"),
                rs.getString("batch_id"),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getString("status"),
                finished == null ? null : finished.toInstant(),
                rs.getObject("migrated", Integer.class));
    }

    private static String truncate(String text) {
        return text.length() <= INSTRUCTIONS_MAX ? text : text.substring(0, INSTRUCTIONS_MAX - 3) + "...";
    }
}
