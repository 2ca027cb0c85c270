package io.rollout.planning;

import io.rollout.planning.PlanRules.Milestone;
import io.rollout.planning.PlanRules.Plan;
import io.rollout.planning.PlanRules.Risk;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores a project's plan: scope approach, resource plan, milestones and risk register. */
@Repository
class PlanRepository {

    static final String MILESTONE_PLANNED = "planned";
    static final String RISK_OPEN = "open";

    private final JdbcClient jdbc;
    private final Clock clock;

    PlanRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Replaces the project's plan, milestones and risks with the given ones. */
    void replace(String projectCode, Plan plan, String user) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        if (jdbc.sql("update project_plan set scope_approach = ?, resource_plan = ?, updated_by = ?, updated_at = ? "
                + "where project_code = ?")
            .params(plan.scopeApproach(), plan.resourcePlan(), user, now, projectCode).update() == 0) {
            jdbc.sql("insert into project_plan (project_code, scope_approach, resource_plan, updated_by, updated_at) "
                    + "values (?, ?, ?, ?, ?)")
                .params(projectCode, plan.scopeApproach(), plan.resourcePlan(), user, now).update();
        }
        jdbc.sql("delete from milestone where project_code = ?").param(projectCode).update();
        for (Milestone m : plan.milestones()) {
            jdbc.sql("insert into milestone (project_code, name, owner, due_date, phase, status) values (?, ?, ?, ?, ?, ?)")
                .params(projectCode, m.name(), m.owner(), Date.valueOf(m.dueDate()), m.phase(), MILESTONE_PLANNED)
                .update();
        }
        jdbc.sql("delete from risk where project_code = ?").param(projectCode).update();
        for (Risk r : plan.risks()) {
            jdbc.sql("""
                    insert into risk (project_code, title, probability, impact, score, owner, mitigation, status)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(projectCode, r.title(), r.probability(), r.impact(), r.score(), r.owner(), r.mitigation(),
                    RISK_OPEN)
                .update();
        }
    }

    /** The stored plan, if the project has one. */
    Optional<Plan> find(String projectCode) {
        return jdbc.sql("select scope_approach, resource_plan from project_plan where project_code = ?")
            .param(projectCode)
            .query((rs, n) -> new Plan(milestones(projectCode), risks(projectCode), rs.getString(1), rs.getString(2)))
            .optional();
    }

    /** Milestones by due date. */
    List<Milestone> milestones(String projectCode) {
        return jdbc.sql("select name, owner, due_date, phase from milestone where project_code = ? order by due_date, id")
            .param(projectCode)
            .query((rs, n) -> new Milestone(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                rs.getString(4)))
            .list();
    }

    /** Risks, highest score first. */
    List<Risk> risks(String projectCode) {
        return jdbc.sql("select title, probability, impact, owner, mitigation from risk where project_code = ? "
                + "order by score desc, id")
            .param(projectCode)
            .query((rs, n) -> new Risk(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5)))
            .list();
    }
}
