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

    /** Stores a cutover run and its steps; returns the run id. */
    long saveCutover(String projectCode, String strategy, boolean succeeded, String report, String executedBy,
                     List<CutoverRules.Step> steps) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into cutover_run (project_code, strategy, succeeded, report, executed_by, executed_at)
                values (?, ?, ?, ?, ?, ?)""")
            .params(projectCode, strategy, succeeded, report, executedBy, now())
            .update(key, "id");
        long runId = java.util.Objects.requireNonNull(key.getKey()).longValue();
        int number = 0;
        for (CutoverRules.Step step : steps) {
            jdbc.sql("""
                    insert into cutover_step (run_id, step_no, step, owner, planned_minutes, done)
                    values (?, ?, ?, ?, ?, ?)""")
                .params(runId, ++number, step.step(), step.owner(), step.plannedMinutes(), step.done())
                .update();
        }
        return runId;
    }

    /** The steps of the project's latest cutover run, to start the next attempt from. */
    List<CutoverRules.Step> latestSteps(String projectCode) {
        return jdbc.sql("""
                select s.step, s.owner, s.planned_minutes, s.done from cutover_step s
                where s.run_id = (select max(id) from cutover_run where project_code = ?)
                order by s.step_no""")
            .param(projectCode)
            .query((rs, n) -> new CutoverRules.Step(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)))
            .list();
    }

    /** Adds the rollback report to the project's latest failed cutover run; false when there is none. */
    boolean recordRollback(String projectCode, String report, String rolledBackBy) {
        return jdbc.sql("""
                update cutover_run set rollback_report = ?, rolled_back_by = ?, rolled_back_at = ?
                where id = (select max(id) from cutover_run where project_code = ? and succeeded = false)""")
            .params(report, rolledBackBy, now(), projectCode)
            .update() == 1;
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }
}
