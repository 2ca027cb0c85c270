package io.rollout.golive;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stores go / no-go decisions and cutover runs with their runbook steps. */
@Repository
class GoLiveRepository {

    /** A stored run of the runbook. */
    record Run(
            long id,
            String kind,
            Integer wave,
            boolean succeeded,
            String report,
            String executedBy,
            Instant executedAt) {}

    /** One key figure of one day of a dual run as reconciled. */
    record Check(
            int day,
            String figure,
            java.math.BigDecimal legacy,
            java.math.BigDecimal current,
            java.math.BigDecimal differencePercent,
            boolean within,
            Integer incident) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    GoLiveRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a steering committee decision with the recommendation it was taken on. */
    void saveDecision(String projectCode, GoLiveDecisionRules.Submission s, boolean overridden, String decidedBy) {
        jdbc.sql("""
                insert into go_live_decision (project_code, decision, strategy, readiness_ok, recommendation,
                                              overridden, conditions, risk_acceptance, reason, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        projectCode,
                        s.decision(),
                        s.strategy(),
                        ReadinessVerdict.GO.equals(s.recommendation()),
                        s.recommendation(),
                        overridden,
                        s.conditions(),
                        s.riskAcceptance(),
                        s.reason(),
                        decidedBy,
                        now())
                .update();
    }

    /** Stores a run of the runbook (mock or real, of a wave or the whole cutover) with each step; returns its id. */
    long saveRun(
            String projectCode,
            String strategy,
            String kind,
            Integer wave,
            boolean succeeded,
            String report,
            String executedBy,
            List<Runbook.Step> plan,
            List<Runbook.StepRun> run) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cutover_run (project_code, strategy, kind, wave_no, succeeded, report, executed_by, executed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(projectCode, strategy, kind, wave, succeeded, report, executedBy, now())
                .update(key, "id");
        long runId = java.util.Objects.requireNonNull(key.getKey()).longValue();
        java.util.Map<Integer, Runbook.StepRun> byNo = new java.util.HashMap<>();
        run.forEach(r -> byNo.put(r.no(), r));
        for (Runbook.Step step : plan) {
            Runbook.StepRun r = byNo.get(step.no());
            jdbc.sql("""
                    insert into cutover_step (run_id, step_no, step, owner, planned_minutes, done, status, actual_minutes,
                                              note)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            runId,
                            step.no(),
                            step.title(),
                            step.owner(),
                            step.plannedMinutes(),
                            r != null && Runbook.DONE.equals(r.status()),
                            r == null ? Runbook.NOT_STARTED : r.status(),
                            r == null ? null : r.actualMinutes(),
                            r == null ? null : r.note())
                    .update();
        }
        return runId;
    }

    /** Adds the rollback report to the project's latest failed cutover run; false when there is none. */
    boolean recordRollback(String projectCode, String report, String rolledBackBy) {
        return jdbc.sql("""
                update cutover_run set rollback_report = ?, rolled_back_by = ?, rolled_back_at = ?
                where id = (select max(id) from cutover_run where project_code = ? and kind = 'real')""").params(report, rolledBackBy, now(), projectCode).update() == 1;
    }

    /** The latest real run of the project's cutover, or of one wave of it when {@code wave} is given. */
    java.util.Optional<Run> latestRealRun(String projectCode, Integer wave) {
        String select = """
                select id, kind, wave_no, succeeded, report, executed_by, executed_at from cutover_run
                where project_code = ? and kind = 'real'""";
        return (wave == null
                        ? jdbc.sql(select + " order by id desc").param(projectCode)
                        : jdbc.sql(select + " and wave_no = ? order by id desc").params(projectCode, wave))
                        .query((rs, n) -> new Run(
                                rs.getLong(1),
                                rs.getString(2),
                                (Integer) rs.getObject(3),
                                rs.getBoolean(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getTimestamp(7).toInstant()))
                        .list()
                        .stream()
                        .findFirst();
    }

    /** The reconciled key figures of the dual run since the given time (the current plan), by day and figure. */
    List<Check> dualRunChecks(String projectCode, Instant since) {
        return jdbc.sql("""
                select day_no, figure, legacy_value, new_value, difference_percent, within_tolerance, incident_id
                from dual_run_check where project_code = ? and recorded_at >= ? order by day_no, figure""")
                .params(projectCode, Timestamp.from(since))
                .query((rs, n) -> new Check(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getBoolean(6),
                        (Integer) rs.getObject(7)))
                .list();
    }

    /** Stores one key figure of one day of a dual run as reconciled, with the incident a mismatch opened. */
    void saveDualRunCheck(
            String projectCode,
            int day,
            DualRunRules.Values values,
            Reconciliation.Result result,
            Integer incident,
            String recordedBy) {
        jdbc.sql("""
                insert into dual_run_check (project_code, day_no, figure, legacy_value, new_value, difference_percent,
                                            within_tolerance, incident_id, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        projectCode,
                        day,
                        values.figure(),
                        values.legacy(),
                        values.current(),
                        result.differencePercent(),
                        result.within(),
                        incident,
                        recordedBy,
                        now())
                .update();
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }
}
