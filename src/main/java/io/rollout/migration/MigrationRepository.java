package io.rollout.migration;

import io.rollout.migration.DryRunRules.Figures;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores migration dry runs (rounds) of datasets and their sign-offs. */
@Repository
class MigrationRepository {

    /** One stored dry run. */
    record Run(int round, Figures figures, String sourceFile, String rules, String rejectReasons, String recordedBy,
               Instant recordedAt) {
    }

    /** The latest sign-off decision of a dataset. */
    record SignOff(int round, boolean signedOff, String comment, String signedBy) {
    }

    private final JdbcClient jdbc;

    MigrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The dataset's latest round, 0 before the first dry run. */
    int lastRound(String projectCode, String dataset) {
        return jdbc.sql("select coalesce(max(round), 0) from migration_run where project_code = ? and dataset = ?")
            .params(projectCode, dataset).query(Integer.class).single();
    }

    void recordRun(String projectCode, String dataset, Run run) {
        jdbc.sql("""
                insert into migration_run (project_code, dataset, round, source_rows, accepted_rows, rejected_rows,
                                           source_file, rules, reject_reasons, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(projectCode, dataset, run.round(), run.figures().source(), run.figures().accepted(),
                run.figures().rejected(), run.sourceFile(), run.rules(), run.rejectReasons(), run.recordedBy(),
                Timestamp.from(run.recordedAt()))
            .update();
    }

    Optional<Run> latestRun(String projectCode, String dataset) {
        return jdbc.sql("""
                select round, source_rows, accepted_rows, rejected_rows, source_file, rules, reject_reasons,
                       recorded_by, recorded_at
                from migration_run where project_code = ? and dataset = ? order by round desc""")
            .params(projectCode, dataset)
            .query((rs, n) -> new Run(rs.getInt(1), new Figures(rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
            .list().stream().findFirst();
    }

    void recordSignOff(String projectCode, String dataset, int round, boolean signedOff, String comment,
                       String signedBy, Instant at) {
        jdbc.sql("""
                insert into migration_signoff (project_code, dataset, round, signed_off, comment, signed_by, signed_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
            .params(projectCode, dataset, round, signedOff, comment, signedBy, Timestamp.from(at)).update();
    }

    Optional<SignOff> latestSignOff(String projectCode, String dataset) {
        return jdbc.sql("""
                select round, signed_off, comment, signed_by from migration_signoff
                where project_code = ? and dataset = ? order by id desc""")
            .params(projectCode, dataset)
            .query((rs, n) -> new SignOff(rs.getInt(1), rs.getBoolean(2), rs.getString(3), rs.getString(4)))
            .list().stream().findFirst();
    }
}
