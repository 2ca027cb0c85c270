package io.rollout.governance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Weekly status reports and steering reviews (table {@code status_report}). */
@Repository
class StatusReportRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    StatusReportRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void save(String projectCode, String kind, String rag, String summary, String facts, String user) {
        jdbc.sql("""
                insert into status_report (project_code, kind, rag, summary, facts, written_by, written_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(projectCode, kind, rag, summary, facts, user, Timestamp.from(Instant.now(clock)))
                .update();
    }

    /** The project's reports, oldest first. */
    List<StatusReport> forProject(String projectCode) {
        return jdbc.sql("""
                select id, project_code, kind, rag, summary, facts, written_by, written_at from status_report
                where project_code = ? order by written_at, id""")
                .param(projectCode)
                .query((rs, n) -> new StatusReport(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }
}
