package io.rollout.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Write API of operations for other phases: opens an incident of a project (numbered per project), for
 * example a mismatch found by a dual-run reconciliation during cutover.
 */
@Component
public class Incidents {

    private final JdbcClient jdbc;
    private final Clock clock;

    Incidents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Opens an incident and returns its number within the project.
     *
     * @param severity critical, high, medium or low
     * @param source   where it comes from, e.g. {@code dual-run reconciliation day 3}; kept in the title's record
     */
    public int open(String projectCode, String title, String severity, String module, String reporter, String source) {
        int id = jdbc.sql("select coalesce(max(id), 0) + 1 from incident where project_code = ?").param(projectCode)
            .query(Integer.class).single();
        String text = source == null ? title : title + " [" + source + "]";
        jdbc.sql("""
                insert into incident (project_code, id, title, severity, module, reporter, status, opened_at)
                values (?, ?, ?, ?, ?, ?, 'open', ?)""")
            .params(projectCode, id, text.length() > 300 ? text.substring(0, 300) : text, severity, module, reporter,
                Timestamp.from(Instant.now(clock)))
            .update();
        return id;
    }
}
