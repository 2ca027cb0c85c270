package io.rollout.requirements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores requirements, frozen specification versions with their requirement snapshots, approvals, department
 * research records, research activities and effect verifications (tables of {@code V2__requirements.sql},
 * {@code V6__requirements_depth.sql} and {@code V21__requirement_solution_note.sql}).
 */
@Repository
class RequirementRepository {

    private static final String COLUMNS = """
            project_code, req_id, department, title, pain_point, goal, expected_effect, priority,
            acceptance_criterion, solution_match, status""";
    private static final String SELECT =
            "select " + COLUMNS + ", updated_by, updated_at, solution_note from requirement";
    private static final String VERSION = """
            select version, content_hash, frozen_by, frozen_at, baselined_by, baselined_at, reason
            from specification_version""";

    private final JdbcClient jdbc;
    private final Clock clock;

    RequirementRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Requirement> findByProject(String projectCode) {
        return jdbc.sql(SELECT + " where project_code = ? order by req_id")
                .param(projectCode)
                .query(RequirementRepository::map)
                .list();
    }

    List<Requirement> findByDepartment(String projectCode, String department) {
        return jdbc.sql(SELECT + " where project_code = ? and department = ? order by req_id")
                .params(projectCode, department)
                .query(RequirementRepository::map)
                .list();
    }

    /**
     * Inserts the requirement or replaces the stored one with the same id, stamped with editor and time; a
     * requirement without a status is stored as {@code draft}. A stored requirement keeps its solution note: only
     * {@link #match} changes it.
     */
    void upsert(String projectCode, Requirement r, String updatedBy) {
        Timestamp now = now();
        String status = r.status() == null ? Requirement.DRAFT : r.status();
        int updated = jdbc.sql("""
                update requirement set department = ?, title = ?, pain_point = ?, goal = ?, expected_effect = ?,
                       priority = ?, acceptance_criterion = ?, solution_match = ?, status = ?, updated_by = ?,
                       updated_at = ?
                where project_code = ? and req_id = ?""")
                .params(
                        r.department(),
                        r.title(),
                        r.painPoint(),
                        r.goal(),
                        r.expectedEffect(),
                        r.priority(),
                        r.acceptanceCriterion(),
                        r.solutionMatch(),
                        status,
                        updatedBy,
                        now,
                        projectCode,
                        r.reqId())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into requirement (" + COLUMNS + ", updated_by, updated_at, solution_note)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            projectCode,
                            r.reqId(),
                            r.department(),
                            r.title(),
                            r.painPoint(),
                            r.goal(),
                            r.expectedEffect(),
                            r.priority(),
                            r.acceptanceCriterion(),
                            r.solutionMatch(),
                            status,
                            updatedBy,
                            now,
                            r.solutionNote())
                    .update();
        }
    }

    /** Records the matched solution of a requirement, how it meets the requirement, and its new status. */
    void match(String projectCode, String reqId, String solutionMatch, String solutionNote, String status, String by) {
        jdbc.sql("""
                update requirement set solution_match = ?, solution_note = ?, status = ?, updated_by = ?, updated_at = ?
                where project_code = ? and req_id = ?""")
                .params(solutionMatch, solutionNote, status, by, now(), projectCode, reqId)
                .update();
    }

    /** Moves requirements to a status; the loop moving on is not an edit, so editor and time stay. */
    void setStatus(String projectCode, Collection<String> reqIds, String status) {
        for (String reqId : reqIds) {
            jdbc.sql("update requirement set status = ? where project_code = ? and req_id = ?")
                    .params(status, projectCode, reqId)
                    .update();
        }
    }

    /** The latest frozen version, if any. */
    Optional<FrozenVersion> latestVersion(String projectCode) {
        return jdbc
                .sql(VERSION + " where project_code = ? order by version desc")
                .param(projectCode)
                .query(RequirementRepository::version)
                .list()
                .stream()
                .findFirst();
    }

    Optional<FrozenVersion> version(String projectCode, int version) {
        return jdbc.sql(VERSION + " where project_code = ? and version = ?")
                .params(projectCode, version)
                .query(RequirementRepository::version)
                .optional();
    }

    /** Every frozen version, oldest first. */
    List<FrozenVersion> versions(String projectCode) {
        return jdbc.sql(VERSION + " where project_code = ? order by version")
                .param(projectCode)
                .query(RequirementRepository::version)
                .list();
    }

    /** Stores a frozen version with the requirements as they are now (its snapshot). */
    void insertVersion(
            String projectCode,
            int version,
            String hash,
            String frozenBy,
            String reason,
            List<Requirement> requirements) {
        jdbc.sql("""
                insert into specification_version (project_code, version, content_hash, frozen_by, frozen_at, reason)
                values (?, ?, ?, ?, ?, ?)""")
                .params(projectCode, version, hash, frozenBy, now(), reason)
                .update();
        for (Requirement r : requirements) {
            jdbc.sql("insert into specification_requirement ("
                            + COLUMNS.replace("project_code,", "project_code, version,")
                            + ", solution_note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            projectCode,
                            version,
                            r.reqId(),
                            r.department(),
                            r.title(),
                            r.painPoint(),
                            r.goal(),
                            r.expectedEffect(),
                            r.priority(),
                            r.acceptanceCriterion(),
                            r.solutionMatch(),
                            r.status() == null ? Requirement.DRAFT : r.status(),
                            r.solutionNote())
                    .update();
        }
    }

    /** The requirements of a frozen version as they were frozen. */
    List<Requirement> snapshot(String projectCode, int version) {
        return jdbc.sql("select " + COLUMNS + ", cast(null as varchar(64)), cast(null as timestamp), solution_note"
                        + " from specification_requirement"
                        + " where project_code = ? and version = ? order by req_id")
                .params(projectCode, version)
                .query(RequirementRepository::map)
                .list();
    }

    /** Marks a version baselined; its snapshot's requirements (not the withdrawn ones) read {@code baselined}. */
    void markBaselined(String projectCode, int version, String by) {
        jdbc.sql(
                        "update specification_version set baselined_by = ?, baselined_at = ? where project_code = ? and version = ?")
                .params(by, now(), projectCode, version)
                .update();
        jdbc.sql("""
                update specification_requirement set status = ?
                where project_code = ? and version = ? and status <> ?""")
                .params(Requirement.BASELINED, projectCode, version, Requirement.WITHDRAWN)
                .update();
    }

    void insertApproval(
            String projectCode, int version, String department, String approver, boolean approved, String comment) {
        jdbc.sql("""
                insert into specification_approval (project_code, version, department, approver, approved, comment,
                                                    decided_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(projectCode, version, department, approver, approved, comment, now())
                .update();
    }

    List<SpecificationApprovalRecord> approvals(String projectCode) {
        return jdbc.sql("""
                select project_code, version, department, approver, approved, comment, decided_at
                from specification_approval where project_code = ? order by id""")
                .param(projectCode)
                .query((rs, n) -> new SpecificationApprovalRecord(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Records how a department was researched; a later research round replaces the record. */
    void saveResearch(
            String projectCode,
            String department,
            boolean interview,
            boolean questionnaire,
            boolean processMapping,
            String notes,
            String by) {
        Timestamp now = now();
        int updated = jdbc.sql("""
                update department_research set interview_done = ?, questionnaire_done = ?, process_mapping_done = ?,
                       notes = ?, updated_by = ?, updated_at = ?
                where project_code = ? and department = ?""")
                .params(interview, questionnaire, processMapping, notes, by, now, projectCode, department)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into department_research (project_code, department, interview_done, questionnaire_done,
                                                     process_mapping_done, notes, updated_by, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(projectCode, department, interview, questionnaire, processMapping, notes, by, now)
                    .update();
        }
    }

    void insertResearchActivity(ResearchActivity a, String by) {
        jdbc.sql("""
                insert into research_activity (project_code, department, method, held_on, participants, notes,
                                               recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.projectCode(), a.department(), a.method(), a.heldOn(), a.participants(), a.notes(), by, now())
                .update();
    }

    List<ResearchActivity> researchActivities(String projectCode, String department) {
        return jdbc.sql("""
                select project_code, department, method, held_on, participants, notes from research_activity
                where project_code = ? and department = ? order by id""")
                .params(projectCode, department)
                .query((rs, n) -> new ResearchActivity(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    void insertVerification(String projectCode, EffectVerificationRule.Verdict v, String department, String by) {
        jdbc.sql("""
                insert into effect_verification (project_code, req_id, department, verified, comment, verified_by,
                                                 verified_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(projectCode, v.reqId(), department, v.verified(), v.comment(), by, now())
                .update();
    }

    /** The latest verdict on each requirement of the project. */
    List<EffectVerificationRule.Verdict> latestVerifications(String projectCode) {
        return jdbc.sql("""
                select v.req_id, v.verified, v.comment from effect_verification v
                where v.project_code = ? and v.id = (select max(w.id) from effect_verification w
                                                      where w.project_code = v.project_code and w.req_id = v.req_id)
                order by v.req_id""")
                .param(projectCode)
                .query((rs, n) ->
                        new EffectVerificationRule.Verdict(rs.getString(1), rs.getBoolean(2), rs.getString(3)))
                .list();
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static Requirement map(ResultSet rs, int row) throws SQLException {
        Timestamp updatedAt = rs.getTimestamp(13);
        return new Requirement(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                updatedAt == null ? null : updatedAt.toInstant(),
                rs.getString(14));
    }

    private static FrozenVersion version(ResultSet rs, int row) throws SQLException {
        Timestamp baselinedAt = rs.getTimestamp(6);
        return new FrozenVersion(
                rs.getInt(1),
                rs.getString(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                rs.getString(5),
                baselinedAt == null ? null : baselinedAt.toInstant(),
                rs.getString(7));
    }

    /**
     * A frozen specification version and the hash of its requirements.
     *
     * @param baselinedBy who baselined it ({@code system} for a passed sign-off), {@code null} while not baselined
     * @param reason      why it was frozen outside the loop (a change request's re-baseline), else {@code null}
     */
    record FrozenVersion(
            int version,
            String contentHash,
            String frozenBy,
            Instant frozenAt,
            String baselinedBy,
            Instant baselinedAt,
            String reason) {

        boolean baselined() {
            return baselinedAt != null;
        }
    }

    /** One interview, questionnaire or process-mapping session with a department. */
    record ResearchActivity(
            String projectCode,
            String department,
            String method,
            LocalDate heldOn,
            String participants,
            String notes) {}
}
