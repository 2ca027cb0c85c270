package io.rollout.golive;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cutover plan of a project: strategy and reason, waves, key figures of a dual run, runbook. */
@Repository
class CutoverPlanRepository {

    record Plan(String strategy, String reason, Integer dualRunDays) {}

    record Wave(int no, List<String> departments, int stabilisationDays, List<String> onCall, String status) {}

    record KeyFigure(String name, BigDecimal tolerancePercent) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    CutoverPlanRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Plan> plan(String projectCode) {
        return jdbc.sql("select strategy, reason, dual_run_days from cutover_plan where project_code = ?")
                .param(projectCode)
                .query((rs, n) -> new Plan(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3)))
                .optional();
    }

    List<Wave> waves(String projectCode) {
        return jdbc.sql("""
                select wave_no, departments, stabilisation_days, on_call, status from cutover_wave
                where project_code = ? order by wave_no""")
                .param(projectCode)
                .query((rs, n) -> new Wave(
                        rs.getInt(1), split(rs.getString(2)), rs.getInt(3), split(rs.getString(4)), rs.getString(5)))
                .list();
    }

    List<KeyFigure> keyFigures(String projectCode) {
        return jdbc.sql("select name, tolerance_percent from cutover_key_figure where project_code = ? order by name")
                .param(projectCode)
                .query((rs, n) -> new KeyFigure(rs.getString(1), rs.getBigDecimal(2)))
                .list();
    }

    List<Runbook.Step> runbook(String projectCode) {
        return jdbc.sql("""
                select step_no, title, owner, planned_minutes, depends_on from runbook_step
                where project_code = ? order by step_no""")
                .param(projectCode)
                .query((rs, n) -> new Runbook.Step(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        split(rs.getString(5)).stream().map(Integer::valueOf).toList()))
                .list();
    }

    /** Replaces the whole plan. */
    void save(
            String projectCode,
            Plan plan,
            List<Wave> waves,
            List<KeyFigure> figures,
            List<Runbook.Step> steps,
            String user) {
        for (String table : List.of("cutover_plan", "cutover_wave", "cutover_key_figure", "runbook_step")) {
            jdbc.sql("delete from " + table + " where project_code = ?")
                    .param(projectCode)
                    .update();
        }
        jdbc.sql("""
                insert into cutover_plan (project_code, strategy, reason, dual_run_days, planned_by, planned_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(
                        projectCode,
                        plan.strategy(),
                        plan.reason(),
                        plan.dualRunDays(),
                        user,
                        Timestamp.from(Instant.now(clock)))
                .update();
        waves.forEach(w -> jdbc.sql("""
                insert into cutover_wave (project_code, wave_no, departments, stabilisation_days, on_call, status)
                values (?, ?, ?, ?, ?, 'planned')""")
                .params(
                        projectCode,
                        w.no(),
                        String.join(",", w.departments()),
                        w.stabilisationDays(),
                        String.join(",", w.onCall()))
                .update());
        figures.forEach(
                f -> jdbc.sql("insert into cutover_key_figure (project_code, name, tolerance_percent) values (?, ?, ?)")
                        .params(projectCode, f.name(), f.tolerancePercent())
                        .update());
        steps.forEach(s -> jdbc.sql("""
                insert into runbook_step (project_code, step_no, title, owner, planned_minutes, depends_on)
                values (?, ?, ?, ?, ?, ?)""")
                .params(
                        projectCode,
                        s.no(),
                        s.title(),
                        s.owner(),
                        s.plannedMinutes(),
                        String.join(
                                ",", s.dependsOn().stream().map(String::valueOf).toList()))
                .update());
    }

    /**
     * The days of the current plan's dual run already reconciled: checks recorded since the plan was (re)made, so a
     * new dual run after a rollback starts again at day 1.
     */
    int dualRunDaysReconciled(String projectCode) {
        return jdbc.sql("""
                select count(distinct c.day_no) from dual_run_check c join cutover_plan p on p.project_code = c.project_code
                where c.project_code = ? and c.recorded_at >= p.planned_at""").param(projectCode).query(Integer.class).single();
    }

    /** When the current plan was made. */
    Optional<Instant> plannedAt(String projectCode) {
        return jdbc.sql("select planned_at from cutover_plan where project_code = ?")
                .param(projectCode)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    void waveStatus(String projectCode, int wave, String status) {
        jdbc.sql("update cutover_wave set status = ? where project_code = ? and wave_no = ?")
                .params(status, projectCode, wave)
                .update();
    }

    void strategy(String projectCode, String strategy) {
        jdbc.sql("update cutover_plan set strategy = ? where project_code = ?")
                .params(strategy, projectCode)
                .update();
    }

    static List<String> split(String text) {
        return text == null || text.isBlank()
                ? List.of()
                : Arrays.stream(text.split("[,，;\\s]+"))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
