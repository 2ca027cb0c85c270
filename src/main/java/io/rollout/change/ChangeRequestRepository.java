package io.rollout.change;

import io.rollout.change.ChangeRequest.AffectedMilestone;
import io.rollout.change.ChangeRequestRules.Impact;
import io.rollout.change.ChangeRequestRules.MilestoneRef;
import io.rollout.change.ChangeRequestRules.Raise;
import io.rollout.change.RebaselineRules.PlannedMilestone;
import io.rollout.change.RebaselineRules.Shift;
import io.rollout.planning.MilestoneRegister;
import io.rollout.requirements.Requirement;
import io.rollout.requirements.RequirementCatalogue;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Change requests, and the plan baselines approved changes create (tables {@code change_request*},
 * {@code plan_baseline}, {@code milestone_baseline}); reads the project's requirements through
 * {@link RequirementCatalogue}, reads and moves its milestones through planning's {@link MilestoneRegister}.
 */
@Repository
class ChangeRequestRepository {

    private final JdbcClient jdbc;
    private final MilestoneRegister milestones;
    private final RequirementCatalogue requirements;
    private final Clock clock;

    ChangeRequestRepository(
            JdbcClient jdbc, MilestoneRegister milestones, RequirementCatalogue requirements, Clock clock) {
        this.jdbc = jdbc;
        this.milestones = milestones;
        this.requirements = requirements;
        this.clock = clock;
    }

    Set<String> requirementIds(String projectCode) {
        return new HashSet<>(
                requirements.of(projectCode).stream().map(Requirement::reqId).toList());
    }

    List<MilestoneRef> milestones(String projectCode) {
        return milestones.of(projectCode).stream()
                .map(m -> new MilestoneRef(m.id(), m.name(), m.dueDate(), m.status()))
                .toList();
    }

    /** A requirement a change request names, as the project has it now. */
    record RequirementInfo(String reqId, String title, String department, String priority) {}

    /** The project's requirements with these ids, by id. */
    List<RequirementInfo> requirements(String projectCode, List<String> reqIds) {
        return requirements.of(projectCode).stream()
                .filter(r -> reqIds.contains(r.reqId()))
                .map(r -> new RequirementInfo(r.reqId(), r.title(), r.department(), r.priority()))
                .toList();
    }

    /** The current owner of a milestone, or {@code null} when it has none or no longer exists. */
    String milestoneOwner(long milestoneId) {
        return milestones.owner(milestoneId).orElse(null);
    }

    long create(String projectCode, Raise raise, String user) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into change_request (project_code, description, reason, status, raised_by, raised_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(projectCode, raise.description(), raise.reason(), ChangeRequest.RAISED, user, now())
                .update(key, "id");
        long id = key.getKey().longValue();
        for (String reqId : raise.requirementIds()) {
            jdbc.sql("insert into change_request_requirement (change_request_id, req_id) values (?, ?)")
                    .params(id, reqId)
                    .update();
        }
        for (MilestoneRef m : raise.milestones()) {
            jdbc.sql("""
                    insert into change_request_milestone (change_request_id, milestone_id, milestone_name, due_date)
                    values (?, ?, ?, ?)""")
                    .params(id, m.id(), m.name(), Date.valueOf(m.dueDate()))
                    .update();
        }
        return id;
    }

    void saveImpact(long id, Impact impact, String user) {
        jdbc.sql("""
                update change_request set effort_days = ?, schedule_delay_days = ?, cost = ?, risk_level = ?,
                       impact_notes = ?, analysed_by = ?, analysed_at = ?, status = ?
                where id = ?""")
                .params(
                        impact.effortDays(),
                        impact.scheduleDelayDays(),
                        impact.cost(),
                        impact.riskLevel(),
                        impact.notes(),
                        user,
                        now(),
                        ChangeRequest.ANALYSED,
                        id)
                .update();
    }

    void saveRouting(long id, String approverGroup) {
        jdbc.sql("update change_request set approver_group = ? where id = ?")
                .params(approverGroup, id)
                .update();
    }

    void saveDecision(long id, boolean approved, String reason, String user) {
        jdbc.sql(
                        "update change_request set status = ?, decision_reason = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(approved ? ChangeRequest.APPROVED : ChangeRequest.REJECTED, reason, user, now(), id)
                .update();
    }

    void markRebaselined(long id, Integer specVersion) {
        jdbc.sql("update change_request set status = ?, spec_version = ? where id = ?")
                .params(ChangeRequest.REBASELINED, specVersion, id)
                .update();
    }

    Optional<ChangeRequest> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional();
    }

    List<ChangeRequest> forProject(String projectCode) {
        return jdbc.sql(SELECT + " where project_code = ? order by id")
                .param(projectCode)
                .query(this::map)
                .list();
    }

    List<PlannedMilestone> plan(String projectCode) {
        return milestones.of(projectCode).stream()
                .map(m -> new PlannedMilestone(m.id(), m.name(), m.dueDate(), m.status()))
                .toList();
    }

    /**
     * Stores the next plan baseline of the project with every milestone's dates before and after, and moves the
     * milestones; returns the new baseline version.
     */
    int rebaseline(String projectCode, long changeRequestId, String reason, List<Shift> shifts, String user) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from plan_baseline where project_code = ?")
                .param(projectCode)
                .query(Integer.class)
                .single();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into plan_baseline (project_code, version, change_request_id, reason, created_by, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(projectCode, version, changeRequestId, reason, user, now())
                .update(key, "id");
        long baselineId = key.getKey().longValue();
        for (Shift s : shifts) {
            jdbc.sql("""
                    insert into milestone_baseline (baseline_id, milestone_id, milestone_name, due_date_before,
                                                    due_date_after)
                    values (?, ?, ?, ?, ?)""")
                    .params(baselineId, s.id(), s.name(), Date.valueOf(s.before()), Date.valueOf(s.after()))
                    .update();
            if (s.moved()) {
                milestones.move(s.id(), s.after());
            }
        }
        return version;
    }

    private static final String SELECT = """
            select cr.id, cr.project_code, cr.description, cr.reason, cr.status, cr.raised_by, cr.raised_at,
                   cr.effort_days, cr.schedule_delay_days, cr.cost, cr.risk_level, cr.impact_notes, cr.analysed_by,
                   cr.approver_group, cr.decision_reason, cr.decided_by, cr.decided_at, cr.spec_version,
                   (select pb.version from plan_baseline pb where pb.change_request_id = cr.id) as plan_baseline
            from change_request cr""";

    private ChangeRequest map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<String> requirements = jdbc.sql(
                        "select req_id from change_request_requirement where change_request_id = ? order by req_id")
                .param(id)
                .query(String.class)
                .list();
        List<AffectedMilestone> milestones = jdbc.sql("""
                select milestone_id, milestone_name, due_date from change_request_milestone
                where change_request_id = ? order by due_date, milestone_id""")
                .param(id)
                .query((m, n) -> new AffectedMilestone(
                        m.getLong(1), m.getString(2), m.getDate(3).toLocalDate()))
                .list();
        return new ChangeRequest(
                id,
                rs.getString("project_code"),
                rs.getString("description"),
                rs.getString("reason"),
                rs.getString("status"),
                rs.getString("raised_by"),
                rs.getTimestamp("raised_at").toInstant(),
                requirements,
                milestones,
                (Integer) rs.getObject("effort_days", Integer.class),
                (Integer) rs.getObject("schedule_delay_days", Integer.class),
                rs.getBigDecimal("cost"),
                rs.getString("risk_level"),
                rs.getString("impact_notes"),
                rs.getString("analysed_by"),
                rs.getString("approver_group"),
                rs.getString("decision_reason"),
                rs.getString("decided_by"),
                instant(rs.getTimestamp("decided_at")),
                (Integer) rs.getObject("plan_baseline", Integer.class),
                (Integer) rs.getObject("spec_version", Integer.class));
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
