package io.rollout.migration;

import io.rollout.migration.DryRun.ColumnSum;
import io.rollout.migration.DryRun.ReasonCount;
import io.rollout.migration.DryRunRules.Figures;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores uploaded extracts, dry runs (rounds) of datasets with their reconciliation sums and reject
 * reasons, and the sign-offs.
 */
@Repository
class MigrationRepository {

    /** Status of an extract that waits for its dry run. */
    static final String PENDING = "pending";
    /** Status of an extract a dry run has read. */
    static final String PROCESSED = "processed";
    /** Status of an extract a dry run refused (the problem says why; the file is deleted). */
    static final String REFUSED = "refused";

    /** One stored dry run. */
    record Run(
            int round,
            Figures figures,
            String sourceFile,
            String rules,
            String rejectReasons,
            String recordedBy,
            Instant recordedAt,
            Long extractId,
            long duplicateRows,
            long duplicateGroups,
            String resultDir,
            String format,
            long millis) {}

    /** A sign-off decision on a round of a dataset. */
    record SignOff(int round, boolean signedOff, String comment, String signedBy) {}

    /** An uploaded extract. */
    record Extract(
            long id,
            String projectCode,
            String dataset,
            String fileName,
            long sizeBytes,
            String storedPath,
            String format,
            String status,
            String problem,
            String uploadedBy,
            Instant uploadedAt) {}

    private final JdbcClient jdbc;

    MigrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The dataset's latest round, 0 before the first dry run. */
    int lastRound(String projectCode, String dataset) {
        return jdbc.sql("select coalesce(max(round), 0) from migration_run where project_code = ? and dataset = ?")
                .params(projectCode, dataset)
                .query(Integer.class)
                .single();
    }

    void recordRun(String projectCode, String dataset, Run run) {
        jdbc.sql("""
                insert into migration_run (project_code, dataset, round, source_rows, accepted_rows, rejected_rows,
                                           source_file, rules, reject_reasons, recorded_by, recorded_at, extract_id,
                                           duplicate_rows, duplicate_groups, result_dir, format, millis)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        projectCode,
                        dataset,
                        run.round(),
                        run.figures().source(),
                        run.figures().accepted(),
                        run.figures().rejected(),
                        run.sourceFile(),
                        run.rules(),
                        run.rejectReasons(),
                        run.recordedBy(),
                        Timestamp.from(run.recordedAt()),
                        run.extractId(),
                        run.duplicateRows(),
                        run.duplicateGroups(),
                        run.resultDir(),
                        run.format(),
                        run.millis())
                .update();
    }

    void recordSums(String projectCode, String dataset, int round, List<ColumnSum> sums) {
        for (ColumnSum s : sums) {
            jdbc.sql("""
                    insert into migration_run_sum (project_code, dataset, round, column_name, source_sum, accepted_sum,
                                                   rejected_sum, not_numeric)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            projectCode,
                            dataset,
                            round,
                            s.column(),
                            s.source(),
                            s.accepted(),
                            s.rejected(),
                            s.notNumeric())
                    .update();
        }
    }

    List<ColumnSum> sums(String projectCode, String dataset, int round) {
        return jdbc.sql("""
                select column_name, source_sum, accepted_sum, rejected_sum, not_numeric from migration_run_sum
                where project_code = ? and dataset = ? and round = ? order by id""")
                .params(projectCode, dataset, round)
                .query((rs, n) -> new ColumnSum(
                        rs.getString(1),
                        rs.getBigDecimal(2).stripTrailingZeros(),
                        rs.getBigDecimal(3).stripTrailingZeros(),
                        rs.getBigDecimal(4).stripTrailingZeros(),
                        rs.getLong(5)))
                .list();
    }

    void recordReasons(String projectCode, String dataset, int round, List<ReasonCount> reasons) {
        for (ReasonCount r : reasons) {
            jdbc.sql("""
                    insert into migration_run_reason (project_code, dataset, round, rule_label, rejected_rows, first_row,
                                                      example)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            projectCode,
                            dataset,
                            round,
                            cut(r.rule(), 600),
                            r.rows(),
                            r.firstRow(),
                            cut(r.example(), 2000))
                    .update();
        }
    }

    /** Reject reasons of a round, most rows first. */
    List<ReasonCount> reasons(String projectCode, String dataset, int round) {
        return jdbc.sql("""
                select rule_label, rejected_rows, first_row, example from migration_run_reason
                where project_code = ? and dataset = ? and round = ? order by rejected_rows desc, first_row""")
                .params(projectCode, dataset, round)
                .query((rs, n) -> new ReasonCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .list();
    }

    Optional<Run> latestRun(String projectCode, String dataset) {
        return runs(projectCode, dataset).stream().findFirst();
    }

    Optional<Run> run(String projectCode, String dataset, int round) {
        return runs(projectCode, dataset).stream()
                .filter(r -> r.round() == round)
                .findFirst();
    }

    /** The dataset's runs, latest first. */
    List<Run> runs(String projectCode, String dataset) {
        return jdbc.sql("""
                select round, source_rows, accepted_rows, rejected_rows, source_file, rules, reject_reasons,
                       recorded_by, recorded_at, extract_id, duplicate_rows, duplicate_groups, result_dir, format, millis
                from migration_run where project_code = ? and dataset = ? order by round desc""")
                .params(projectCode, dataset)
                .query((rs, n) -> new Run(
                        rs.getInt(1),
                        new Figures(rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant(),
                        (Long) rs.getObject(10, Long.class),
                        rs.getLong(11),
                        rs.getLong(12),
                        rs.getString(13),
                        rs.getString(14),
                        rs.getLong(15)))
                .list();
    }

    void recordSignOff(
            String projectCode,
            String dataset,
            int round,
            boolean signedOff,
            String comment,
            String signedBy,
            Instant at) {
        jdbc.sql("""
                insert into migration_signoff (project_code, dataset, round, signed_off, comment, signed_by, signed_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(projectCode, dataset, round, signedOff, comment, signedBy, Timestamp.from(at))
                .update();
    }

    Optional<SignOff> latestSignOff(String projectCode, String dataset) {
        return jdbc
                .sql("""
                select round, signed_off, comment, signed_by from migration_signoff
                where project_code = ? and dataset = ? order by id desc""")
                .params(projectCode, dataset)
                .query((rs, n) -> new SignOff(rs.getInt(1), rs.getBoolean(2), rs.getString(3), rs.getString(4)))
                .list()
                .stream()
                .findFirst();
    }

    /** Every sign-off decision on the dataset, oldest first. */
    List<SignOff> signOffs(String projectCode, String dataset) {
        return jdbc.sql("""
                select round, signed_off, comment, signed_by from migration_signoff
                where project_code = ? and dataset = ? order by id""")
                .params(projectCode, dataset)
                .query((rs, n) -> new SignOff(rs.getInt(1), rs.getBoolean(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The latest round the data owner signed off, if any. */
    Optional<Run> latestSignedOffRun(String projectCode, String dataset) {
        return latestSignOff(projectCode, dataset)
                .filter(SignOff::signedOff)
                .flatMap(s -> run(projectCode, dataset, s.round()));
    }

    long addExtract(Extract e) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into migration_extract (project_code, dataset, file_name, size_bytes, stored_path, format, status,
                                               uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        e.projectCode(),
                        e.dataset(),
                        cut(e.fileName(), 255),
                        e.sizeBytes(),
                        e.storedPath(),
                        e.format(),
                        PENDING,
                        e.uploadedBy(),
                        Timestamp.from(e.uploadedAt()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Extract> extract(long id) {
        return jdbc.sql("""
                select id, project_code, dataset, file_name, size_bytes, stored_path, format, status, problem,
                       uploaded_by, uploaded_at
                from migration_extract where id = ?""")
                .param(id)
                .query((rs, n) -> new Extract(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getTimestamp(11).toInstant()))
                .optional();
    }

    void extractDone(long id, String status, String problem) {
        jdbc.sql("update migration_extract set status = ?, problem = ? where id = ?")
                .params(status, cut(problem, 2000), id)
                .update();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
