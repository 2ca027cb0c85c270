package io.rollout.operations;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The KPI baseline of a project. */
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
                .query((rs, n) -> new KpiBaseline(
                        typed(rs.getBigDecimal(1)),
                        typed(rs.getBigDecimal(2)),
                        typed(rs.getBigDecimal(3)),
                        typed(rs.getBigDecimal(4)),
                        typed(rs.getBigDecimal(5)),
                        rs.getDate(6).toLocalDate(),
                        typed(rs.getBigDecimal(7)),
                        typed(rs.getBigDecimal(8))))
                .optional();
    }

    void save(String projectCode, KpiBaseline b, String user) {
        jdbc.sql("delete from kpi_baseline where project_code = ?")
                .param(projectCode)
                .update();
        jdbc.sql("""
                insert into kpi_baseline (project_code, manual_hours_month, error_rate_pct, satisfaction, resolution_hours,
                                          target_active_pct, planned_go_live, hourly_rate, project_cost, captured_by,
                                          captured_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        projectCode,
                        b.manualHoursPerMonth(),
                        b.errorRatePct(),
                        b.satisfaction(),
                        b.resolutionHours(),
                        b.targetActiveUsersPct(),
                        Date.valueOf(b.plannedGoLive()),
                        b.hourlyRate(),
                        b.projectCost(),
                        user,
                        Timestamp.from(Instant.now(clock)))
                .update();
    }

    /** A figure as it was typed: the column's padding removed (2.80 reads 2.8, 400.00 reads 400). */
    static BigDecimal typed(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }
}
