package io.rollout.operations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hypercare incidents of a project ({@code incident}), numbered per project. */
@Repository
class IncidentRepository {

    /** An incident as {@code GET /api/projects/{code}/incidents} shows it. */
    record IncidentView(
            int id,
            String title,
            String severity,
            String module,
            String reporter,
            String status,
            String resolution,
            String resolvedBy,
            Instant openedAt,
            Instant resolvedAt,
            Instant slaDueAt,
            Instant slaBreachedAt,
            String description) {}

    /** When an incident was opened and resolved ({@code null} while open) and whether its SLA was breached. */
    record Times(String severity, Instant openedAt, Instant resolvedAt, boolean slaBreached) {}

    private static final String VIEW = """
            select id, title, severity, module, reporter, status, resolution, resolved_by, opened_at, resolved_at,
                   sla_due_at, sla_breached_at, description
            from incident""";

    private final JdbcClient jdbc;
    private final Clock clock;

    IncidentRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores a new open incident under the project's next number and returns that number.
     *
     * @param title at most 300 characters are kept
     */
    int open(
            String projectCode,
            String title,
            String severity,
            String module,
            String reporter,
            Instant slaDue,
            String description) {
        int id = jdbc.sql("select coalesce(max(id), 0) + 1 from incident where project_code = ?")
                .param(projectCode)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                insert into incident (project_code, id, title, severity, module, reporter, status, opened_at,
                                      sla_due_at, description)
                values (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)""")
                .params(
                        projectCode,
                        id,
                        title.length() > 300 ? title.substring(0, 300) : title,
                        severity,
                        module,
                        reporter,
                        now(),
                        Timestamp.from(slaDue),
                        description)
                .update();
        return id;
    }

    /** Links an incident to the process that tracks its resolution. */
    void processInstance(String projectCode, int id, String processInstanceId) {
        jdbc.sql("update incident set process_instance_id = ? where project_code = ? and id = ?")
                .params(processInstanceId, projectCode, id)
                .update();
    }

    /** Marks an incident resolved, by whom and now. */
    void resolve(String projectCode, int id, String resolution, String resolvedBy) {
        jdbc.sql("""
                update incident set status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ?
                where project_code = ? and id = ?""").params(resolution, resolvedBy, now(), projectCode, id).update();
    }

    /** Records that the incident's SLA was breached now. */
    void slaBreached(String projectCode, int id) {
        jdbc.sql("update incident set sla_breached_at = ? where project_code = ? and id = ?")
                .params(now(), projectCode, id)
                .update();
    }

    /** The incidents of a project, newest first. */
    List<IncidentView> incidents(String projectCode) {
        return jdbc.sql(VIEW + " where project_code = ? order by id desc")
                .param(projectCode)
                .query(IncidentRepository::view)
                .list();
    }

    /** One incident of a project. */
    Optional<IncidentView> incident(String projectCode, int id) {
        return jdbc.sql(VIEW + " where project_code = ? and id = ?")
                .params(projectCode, id)
                .query(IncidentRepository::view)
                .optional();
    }

    /** When each of the project's incidents was opened and resolved. */
    List<Times> times(String projectCode) {
        return jdbc.sql("select severity, opened_at, resolved_at, sla_breached_at from incident where project_code = ?")
                .param(projectCode)
                .query((rs, n) -> new Times(
                        rs.getString("severity"),
                        instant(rs.getTimestamp("opened_at")),
                        instant(rs.getTimestamp("resolved_at")),
                        rs.getTimestamp("sla_breached_at") != null))
                .list();
    }

    private static IncidentView view(ResultSet rs, int n) throws SQLException {
        return new IncidentView(
                rs.getInt("id"),
                rs.getString("title"),
                rs.getString("severity"),
                rs.getString("module"),
                rs.getString("reporter"),
                rs.getString("status"),
                rs.getString("resolution"),
                rs.getString("resolved_by"),
                instant(rs.getTimestamp("opened_at")),
                instant(rs.getTimestamp("resolved_at")),
                instant(rs.getTimestamp("sla_due_at")),
                instant(rs.getTimestamp("sla_breached_at")),
                rs.getString("description"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    /**
     * What the hypercare exit check decides on: the project's open incidents by id and how many incidents were
     * reported in the last seven days.
     */
    HypercareExitRule.Input hypercareExitInput(String projectCode, int maxPerWeek) {
        List<HypercareExitRule.OpenIncident> open = jdbc.sql("""
                select id, severity, title from incident where project_code = ? and status = 'open' order by id""")
                .param(projectCode)
                .query((rs, n) -> new HypercareExitRule.OpenIncident(
                        rs.getInt("id"), rs.getString("severity"), rs.getString("title")))
                .list();
        int lastWeek = jdbc.sql("select count(*) from incident where project_code = ? and opened_at >= ?")
                .params(projectCode, Timestamp.from(Instant.now(clock).minus(Duration.ofDays(7))))
                .query(Integer.class)
                .single();
        return new HypercareExitRule.Input(open, lastWeek, maxPerWeek);
    }
}
