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
            .params(projectCode, s.decision(), s.strategy(), ReadinessVerdict.GO.equals(s.recommendation()),
                s.recommendation(), overridden, s.conditions(), s.riskAcceptance(), s.reason(), decidedBy, now())
            .update();
    }

    /** Stores a run of the runbook (mock or real, of a wave or the whole cutover) with each step; returns its id. */
    long saveRun(String projectCode, String strategy, String kind, Integer wave, boolean succeeded, String report,
                 String executedBy, List<Runbook.Step> plan, List<Runbook.StepRun> run) {
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
                .params(runId, step.no(), step.title(), step.owner(), step.plannedMinutes(),
                    r != null && Runbook.DONE.equals(r.status()), r == null ? Runbook.NOT_STARTED : r.status(),
                    r == null ? null : r.actualMinutes(), r == null ? null : r.note())
                .update();
        }
        return runId;
    }

    /** Adds the rollback report to the project's latest failed cutover run; false when there is none. */
    boolean recordRollback(String projectCode, String report, String rolledBackBy) {
        return jdbc.sql("""
                update cutover_run set rollback_report = ?, rolled_back_by = ?, rolled_back_at = ?
                where id = (select max(id) from cutover_run where project_code = ? and kind = 'real')""")
            .params(report, rolledBackBy, now(), projectCode)
            .update() == 1;
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }
}
