package io.rollout.governance;

import io.rollout.governance.LogEntryRules.Raise;
import io.rollout.planning.RiskRegister;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The risk and issue log (table {@code log_entry}); a raised risk is also added to planning's risk register
 * ({@link RiskRegister}), where the person who raised it is the owner until one is assigned. A risk's probability
 * and impact are the register's.
 */
@Repository
class LogEntryRepository {

    private final JdbcClient jdbc;
    private final RiskRegister risks;
    private final Clock clock;

    LogEntryRepository(JdbcClient jdbc, RiskRegister risks, Clock clock) {
        this.jdbc = jdbc;
        this.risks = risks;
        this.clock = clock;
    }

    long create(String projectCode, Raise raise, String user) {
        Long riskId = null;
        if (LogEntryRules.RISK.equals(raise.kind())) {
            riskId = risks.raise(
                    projectCode,
                    raise.title(),
                    raise.probability(),
                    raise.impact(),
                    raise.owner() == null ? user : raise.owner());
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into log_entry (project_code, kind, risk_id, title, description, severity, owner, due_date,
                                       status, raised_by, raised_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        projectCode,
                        raise.kind(),
                        riskId,
                        raise.title(),
                        raise.description(),
                        raise.severity(),
                        raise.owner(),
                        raise.dueDate() == null ? null : Date.valueOf(raise.dueDate()),
                        LogEntry.OPEN,
                        user,
                        now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    void assign(LogEntry entry, String owner, LocalDate dueDate) {
        jdbc.sql("update log_entry set owner = ?, due_date = ? where id = ?")
                .params(owner, Date.valueOf(dueDate), entry.id())
                .update();
        if (entry.riskId() != null) {
            risks.reassign(entry.riskId(), owner);
        }
    }

    void resolve(LogEntry entry, String resolution, String user) {
        jdbc.sql("update log_entry set status = ?, resolution = ?, resolved_by = ?, resolved_at = ? where id = ?")
                .params(LogEntry.RESOLVED, resolution, user, now(), entry.id())
                .update();
        if (entry.riskId() != null) {
            risks.close(entry.riskId(), resolution);
        }
    }

    void escalate(LogEntry entry) {
        jdbc.sql("update log_entry set status = ?, escalated_at = ? where id = ? and status <> ?")
                .params(LogEntry.ESCALATED, now(), entry.id(), LogEntry.RESOLVED)
                .update();
    }

    Optional<LogEntry> find(long id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query((rs, n) -> map(rs, riskId -> risks.find(riskId).orElse(null)))
                .optional();
    }

    List<LogEntry> forProject(String projectCode) {
        Map<Long, RiskRegister.Risk> register =
                risks.of(projectCode).stream().collect(Collectors.toMap(RiskRegister.Risk::id, Function.identity()));
        return jdbc.sql(SELECT + " where project_code = ? order by id")
                .param(projectCode)
                .query((rs, n) -> map(rs, register::get))
                .list();
    }

    private static final String SELECT = """
            select id, project_code, kind, risk_id, title, description, severity, owner, due_date, status, raised_by,
                   raised_at, resolution, resolved_by, resolved_at, escalated_at
            from log_entry""";

    // probability and impact of a risk are the register's (null when the risk is gone from it)
    private static LogEntry map(ResultSet rs, Function<Long, RiskRegister.Risk> register) throws SQLException {
        Long riskId = rs.getObject("risk_id", Long.class);
        RiskRegister.Risk risk = riskId == null ? null : register.apply(riskId);
        Date due = rs.getDate("due_date");
        return new LogEntry(
                rs.getLong("id"),
                rs.getString("project_code"),
                rs.getString("kind"),
                riskId,
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("severity"),
                risk == null ? null : risk.probability(),
                risk == null ? null : risk.impact(),
                rs.getString("owner"),
                due == null ? null : due.toLocalDate(),
                rs.getString("status"),
                rs.getString("raised_by"),
                rs.getTimestamp("raised_at").toInstant(),
                rs.getString("resolution"),
                rs.getString("resolved_by"),
                instant(rs.getTimestamp("resolved_at")),
                instant(rs.getTimestamp("escalated_at")));
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
