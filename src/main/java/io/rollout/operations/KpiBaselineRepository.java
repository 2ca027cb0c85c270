package io.rollout.operations;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The KPI baseline of a project and the measured issue resolution time of its incidents. */
@Repository
class KpiBaselineRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    KpiBaselineRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<KpiBaseline> baseline(String projectCode) {
        return jdbc.sql("""
                select manual_hours_month, error_rate_pct, satisfaction, resolution_hours, target_active_pct,
                       planned_go_live, hourly_rate, project_cost
                from kpi_baseline where project_code = ?""")
            .param(projectCode)
            .query((rs, n) -> new KpiBaseline(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getInt(3), rs.getBigDecimal(4),
                rs.getBigDecimal(5), rs.getDate(6).toLocalDate(), rs.getBigDecimal(7), rs.getBigDecimal(8)))
            .optional();
    }

    void save(String projectCode, KpiBaseline b, String user) {
        jdbc.sql("delete from kpi_baseline where project_code = ?").param(projectCode).update();
        jdbc.sql("""
                insert into kpi_baseline (project_code, manual_hours_month, error_rate_pct, satisfaction, resolution_hours,
                                          target_active_pct, planned_go_live, hourly_rate, project_cost, captured_by,
                                          captured_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(projectCode, b.manualHoursPerMonth(), b.errorRatePct(), b.satisfaction(), b.resolutionHours(),
                b.targetActiveUsersPct(), Date.valueOf(b.plannedGoLive()), b.hourlyRate(), b.projectCost(), user,
                Timestamp.from(Instant.now(clock)))
            .update();
    }

    /** The average hours from report to resolution of the project's resolved incidents, if any. */
    Optional<BigDecimal> measuredResolutionHours(String projectCode) {
        return jdbc.sql("select opened_at, resolved_at from incident where project_code = ? and resolved_at is not null")
            .param(projectCode)
            .query((rs, n) -> java.time.Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant())
                .toMinutes() / 60.0)
            .list().stream().mapToDouble(Double::doubleValue).average().stream()
            .mapToObj(BigDecimal::valueOf).findFirst();
    }
}
