package io.rollout.planning;

import io.rollout.planning.ScopeRules.Recommendation;
import io.rollout.planning.ScopeRules.ScopeChoice;
import io.rollout.planning.ScopeRules.ScopeInputs;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores the scope decision: what {@code scopeDecision} recommended on which inputs and what the PMO confirmed. */
@Repository
class ScopeRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    ScopeRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The stored scope decision; {@code confirmed} is {@code null} until the PMO confirmed one. */
    record StoredScope(Recommendation recommendation, ScopeChoice confirmed) {}

    /** Stores a new recommendation; a confirmation given before stays, for the PMO to confirm again. */
    void recommend(String projectCode, ScopeInputs inputs, Recommendation r) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        if (jdbc.sql("""
                update scope_decision set department_count = ?, module_count = ?, high_risk_count = ?, system_type = ?,
                       recommended_approach = ?, recommended_first_department = ?, recommendation_reason = ?,
                       recommended_at = ?
                where project_code = ?""")
                        .params(
                                inputs.departments().size(),
                                inputs.modules().size(),
                                inputs.highRisks(),
                                inputs.systemType(),
                                r.approach(),
                                r.firstDepartment(),
                                r.reason(),
                                now,
                                projectCode)
                        .update()
                == 0) {
            jdbc.sql("""
                    insert into scope_decision (project_code, department_count, module_count, high_risk_count,
                           system_type, recommended_approach, recommended_first_department, recommendation_reason,
                           recommended_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            projectCode,
                            inputs.departments().size(),
                            inputs.modules().size(),
                            inputs.highRisks(),
                            inputs.systemType(),
                            r.approach(),
                            r.firstDepartment(),
                            r.reason(),
                            now)
                    .update();
        }
    }

    /** Stores the confirmed scope and its pilot modules; the plan's scope approach follows it. */
    void confirm(String projectCode, ScopeChoice c, String user) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.sql("""
                update scope_decision set approach = ?, first_department = ?, overridden = ?, override_reason = ?,
                       confirmed_by = ?, confirmed_at = ?
                where project_code = ?""")
                .params(c.approach(), c.firstDepartment(), c.overridden(), c.overrideReason(), user, now, projectCode)
                .update();
        jdbc.sql("delete from pilot_module where project_code = ?")
                .param(projectCode)
                .update();
        c.pilotModules()
                .forEach(m -> jdbc.sql("insert into pilot_module (project_code, module) values (?, ?)")
                        .params(projectCode, m)
                        .update());
        jdbc.sql("update project_plan set scope_approach = ? where project_code = ?")
                .params(c.approach(), projectCode)
                .update();
    }

    Optional<StoredScope> find(String projectCode) {
        return jdbc.sql("""
                select recommended_approach, recommended_first_department, recommendation_reason, approach,
                       first_department, overridden, override_reason
                from scope_decision where project_code = ?""")
                .param(projectCode)
                .query((rs, n) -> new StoredScope(
                        new Recommendation(rs.getString(1), rs.getString(2), rs.getString(3)),
                        rs.getString(4) == null
                                ? null
                                : new ScopeChoice(
                                        rs.getString(4),
                                        rs.getString(5),
                                        pilotModules(projectCode),
                                        rs.getBoolean(6),
                                        rs.getString(7))))
                .optional();
    }

    List<String> pilotModules(String projectCode) {
        return jdbc.sql("select module from pilot_module where project_code = ? order by module")
                .param(projectCode)
                .query(String.class)
                .list();
    }
}
