package io.rollout.planning;

import io.rollout.planning.PlanRules.Milestone;
import io.rollout.planning.PlanRules.Plan;
import io.rollout.planning.PlanRules.Resource;
import io.rollout.planning.PlanRules.Risk;
import io.rollout.planning.RiskDecisionRules.RiskDecision;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores a project's plan: milestones, resource plan and the risk register with the steering decisions. */
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

    /**
     * A stored risk with the steering committee's decision on it ({@code decision} is {@code null} while
     * undecided).
     */
    record RiskEntry(
            long id,
            Risk risk,
            String decision,
            String mitigationActions,
            String actionOwner,
            String decisionComment,
            String decidedBy,
            Instant decidedAt) {

        boolean undecidedHigh() {
            return risk.high() && decision == null;
        }

        /** Same title, probability and impact: a decision taken on one holds for the other. */
        boolean sameAs(Risk other) {
            return risk.title().equals(other.title())
                    && risk.probability() == other.probability()
                    && risk.impact() == other.impact();
        }
    }

    /**
     * Replaces the project's milestones, resources and risks with the given ones. Milestones and risks
     * keep their row (and id) when a submitted one has the same name or title, because change requests,
     * escalations and the risk and issue log refer to them by id; rows no longer in the plan are removed.
     * A risk submitted again with the same title, probability and impact keeps the steering committee's
     * decision; a changed or new high risk is undecided.
     */
    void replace(String projectCode, Plan plan, String user) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        if (jdbc.sql("update project_plan set updated_by = ?, updated_at = ? where project_code = ?")
                        .params(user, now, projectCode)
                        .update()
                == 0) {
            jdbc.sql("insert into project_plan (project_code, updated_by, updated_at) values (?, ?, ?)")
                    .params(projectCode, user, now)
                    .update();
        }
        replaceMilestones(projectCode, plan.milestones());
        jdbc.sql("delete from resource_allocation where project_code = ?")
                .param(projectCode)
                .update();
        for (Resource r : plan.resources()) {
            jdbc.sql("""
                    insert into resource_allocation (project_code, role_name, person, allocation, start_date, end_date)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(
                            projectCode,
                            r.role(),
                            r.person(),
                            r.allocation(),
                            Date.valueOf(r.from()),
                            Date.valueOf(r.to()))
                    .update();
        }
        replaceRisks(projectCode, plan.risks());
    }

    private void replaceMilestones(String projectCode, List<Milestone> milestones) {
        record Stored(long id, String name) {}
        List<Stored> unmatched =
                new ArrayList<>(jdbc.sql("select id, name from milestone where project_code = ? order by id")
                        .param(projectCode)
                        .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2)))
                        .list());
        for (Milestone m : milestones) {
            Stored existing = unmatched.stream()
                    .filter(e -> e.name().equals(m.name()))
                    .findFirst()
                    .orElse(null);
            if (existing != null) {
                jdbc.sql("update milestone set owner = ?, due_date = ?, phase = ? where id = ?")
                        .params(m.owner(), Date.valueOf(m.dueDate()), m.phase(), existing.id())
                        .update();
                unmatched.remove(existing);
            } else {
                jdbc.sql(
                                "insert into milestone (project_code, name, owner, due_date, phase, status) values (?, ?, ?, ?, ?, ?)")
                        .params(
                                projectCode,
                                m.name(),
                                m.owner(),
                                Date.valueOf(m.dueDate()),
                                m.phase(),
                                MILESTONE_PLANNED)
                        .update();
            }
        }
        unmatched.forEach(e ->
                jdbc.sql("delete from milestone where id = ?").param(e.id()).update());
    }

    private void replaceRisks(String projectCode, List<Risk> risks) {
        List<RiskEntry> unmatched = riskEntries(projectCode);
        for (Risk r : risks) {
            RiskEntry existing = unmatched.stream()
                    .filter(e -> e.risk().title().equals(r.title()))
                    .findFirst()
                    .orElse(null);
            RiskEntry kept = existing != null && existing.decision() != null && existing.sameAs(r) ? existing : null;
            Object[] decision = {
                kept == null ? null : kept.decision(),
                kept == null ? null : kept.mitigationActions(),
                kept == null ? null : kept.actionOwner(),
                kept == null ? null : kept.decisionComment(),
                kept == null ? null : kept.decidedBy(),
                kept == null ? null : Timestamp.from(kept.decidedAt())
            };
            if (existing != null) {
                updateRisk(existing.id(), r, decision);
                unmatched.remove(existing);
            } else {
                insertRisk(projectCode, r, decision);
            }
        }
        unmatched.forEach(
                e -> jdbc.sql("delete from risk where id = ?").param(e.id()).update());
    }

    // decision: the steering committee's decision on the risk, kept when the risk is unchanged (see replaceRisks)
    private void updateRisk(long id, Risk r, Object[] decision) {
        jdbc.sql("""
                update risk set probability = ?, impact = ?, score = ?, owner = ?, mitigation = ?,
                                decision = ?, mitigation_actions = ?, action_owner = ?, decision_comment = ?,
                                decided_by = ?, decided_at = ?
                where id = ?""")
                .params(
                        r.probability(),
                        r.impact(),
                        r.score(),
                        r.owner(),
                        r.mitigation(),
                        decision[0],
                        decision[1],
                        decision[2],
                        decision[3],
                        decision[4],
                        decision[5],
                        id)
                .update();
    }

    private void insertRisk(String projectCode, Risk r, Object[] decision) {
        jdbc.sql("""
                insert into risk (project_code, title, probability, impact, score, owner, mitigation, status,
                                  decision, mitigation_actions, action_owner, decision_comment, decided_by,
                                  decided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        projectCode,
                        r.title(),
                        r.probability(),
                        r.impact(),
                        r.score(),
                        r.owner(),
                        r.mitigation(),
                        RISK_OPEN,
                        decision[0],
                        decision[1],
                        decision[2],
                        decision[3],
                        decision[4],
                        decision[5])
                .update();
    }

    /** The stored plan, if the project has one. */
    Optional<Plan> find(String projectCode) {
        return jdbc.sql("select count(*) from project_plan where project_code = ?")
                                .param(projectCode)
                                .query(Integer.class)
                                .single()
                        == 0
                ? Optional.empty()
                : Optional.of(new Plan(milestones(projectCode), risks(projectCode), resources(projectCode)));
    }

    /** Milestones by due date. */
    List<Milestone> milestones(String projectCode) {
        return jdbc.sql(
                        "select name, owner, due_date, phase from milestone where project_code = ? order by due_date, id")
                .param(projectCode)
                .query((rs, n) -> new Milestone(
                        rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4)))
                .list();
    }

    /** Resource plan rows in the order entered. */
    List<Resource> resources(String projectCode) {
        return jdbc.sql("""
                select role_name, person, allocation, start_date, end_date from resource_allocation
                where project_code = ? order by id""")
                .param(projectCode)
                .query((rs, n) -> new Resource(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getDate(4).toLocalDate(),
                        rs.getDate(5).toLocalDate()))
                .list();
    }

    /** Risks, highest score first. */
    List<Risk> risks(String projectCode) {
        return riskEntries(projectCode).stream().map(RiskEntry::risk).toList();
    }

    /** Risks with their decisions, highest score first. */
    List<RiskEntry> riskEntries(String projectCode) {
        return new ArrayList<>(jdbc.sql(SELECT_RISK + " where project_code = ? order by score desc, id")
                .param(projectCode)
                .query(PlanRepository::riskEntry)
                .list());
    }

    Optional<RiskEntry> risk(long id) {
        return jdbc.sql(SELECT_RISK + " where id = ?")
                .param(id)
                .query(PlanRepository::riskEntry)
                .optional();
    }

    /** The project code of a risk. */
    String projectOf(long riskId) {
        return jdbc.sql("select project_code from risk where id = ?")
                .param(riskId)
                .query(String.class)
                .single();
    }

    /** Stores the steering committee's decision on a risk. */
    void decide(long riskId, RiskDecision d, String user) {
        jdbc.sql("""
                update risk set decision = ?, mitigation_actions = ?, action_owner = ?, decision_comment = ?,
                                decided_by = ?, decided_at = ?
                where id = ?""")
                .params(
                        d.decision(),
                        d.mitigationActions(),
                        d.actionOwner(),
                        d.comment(),
                        user,
                        Timestamp.from(Instant.now(clock)),
                        riskId)
                .update();
    }

    private static final String SELECT_RISK = """
            select id, title, probability, impact, owner, mitigation, decision, mitigation_actions, action_owner,
                   decision_comment, decided_by, decided_at
            from risk""";

    private static RiskEntry riskEntry(ResultSet rs, int row) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp(12);
        return new RiskEntry(
                rs.getLong(1),
                new Risk(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getString(6)),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                decidedAt == null ? null : decidedAt.toInstant());
    }
}
