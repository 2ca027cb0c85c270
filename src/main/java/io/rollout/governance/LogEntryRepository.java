package io.rollout.governance;

import io.rollout.governance.LogEntryRules.Raise;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The risk and issue log (table {@code log_entry}); a raised risk is also written to the risk register (table
 * {@code risk}, its existing columns only), where the person who raised it is the owner until one is assigned.
 */
@Repository
class LogEntryRepository {

    static final String RISK_OPEN = "open";
    static final String RISK_CLOSED = "closed";

    private final JdbcClient jdbc;
    private final Clock clock;

    LogEntryRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long create(String projectCode, Raise raise, String user) {
        Long riskId = null;
        if (LogEntryRules.RISK.equals(raise.kind())) {
            KeyHolder riskKey = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into risk (project_code, title, probability, impact, score, owner, mitigation, status)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(projectCode, raise.title(), raise.probability(), raise.impact(), raise.score(),
                    raise.owner() == null ? user : raise.owner(), null, RISK_OPEN)
                .update(riskKey, "id");
            riskId = riskKey.getKey().longValue();
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into log_entry (project_code, kind, risk_id, title, description, severity, owner, due_date,
                                       status, raised_by, raised_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(projectCode, raise.kind(), riskId, raise.title(), raise.description(), raise.severity(),
                raise.owner(), raise.dueDate() == null ? null : Date.valueOf(raise.dueDate()), LogEntry.OPEN, user, now())
            .update(key, "id");
        return key.getKey().longValue();
    }

    void assign(LogEntry entry, String owner, LocalDate dueDate) {
        jdbc.sql("update log_entry set owner = ?, due_date = ? where id = ?")
            .params(owner, Date.valueOf(dueDate), entry.id()).update();
        if (entry.riskId() != null) {
            jdbc.sql("update risk set owner = ? where id = ?").params(owner, entry.riskId()).update();
        }
    }

    void resolve(LogEntry entry, String resolution, String user) {
        jdbc.sql("update log_entry set status = ?, resolution = ?, resolved_by = ?, resolved_at = ? where id = ?")
            .params(LogEntry.RESOLVED, resolution, user, now(), entry.id()).update();
        if (entry.riskId() != null) {
            jdbc.sql("update risk set status = ?, mitigation = coalesce(mitigation, ?) where id = ?")
                .params(RISK_CLOSED, resolution, entry.riskId()).update();
        }
    }

    void escalate(LogEntry entry) {
        jdbc.sql("update log_entry set status = ?, escalated_at = ? where id = ? and status <> ?")
            .params(LogEntry.ESCALATED, now(), entry.id(), LogEntry.RESOLVED).update();
    }

    Optional<LogEntry> find(long id) {
        return jdbc.sql(SELECT + " where e.id = ?").param(id).query(LogEntryRepository::map).optional();
    }

    List<LogEntry> forProject(String projectCode) {
        return jdbc.sql(SELECT + " where e.project_code = ? order by e.id").param(projectCode)
            .query(LogEntryRepository::map).list();
    }

    private static final String SELECT = """
            select e.id, e.project_code, e.kind, e.risk_id, e.title, e.description, e.severity, r.probability,
                   r.impact, e.owner, e.due_date, e.status, e.raised_by, e.raised_at, e.resolution, e.resolved_by,
                   e.resolved_at, e.escalated_at
            from log_entry e left join risk r on r.id = e.risk_id""";

    private static LogEntry map(ResultSet rs, int row) throws SQLException {
        Date due = rs.getDate(11);
        return new LogEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, Integer.class),
            rs.getObject(9, Integer.class), rs.getString(10), due == null ? null : due.toLocalDate(), rs.getString(12),
            rs.getString(13), rs.getTimestamp(14).toInstant(), rs.getString(15), rs.getString(16),
            instant(rs.getTimestamp(17)), instant(rs.getTimestamp(18)));
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
