package io.rollout.requirements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores requirements, frozen specification versions, approvals and department research records
 * (tables of {@code V2__requirements.sql}).
 */
@Repository
class RequirementRepository {

    private static final String SELECT = """
            select project_code, req_id, department, title, pain_point, goal, expected_effect, priority,
                   acceptance_criterion, solution_match, updated_by, updated_at
            from requirement""";

    private final JdbcClient jdbc;
    private final Clock clock;

    RequirementRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Requirement> findByProject(String projectCode) {
        return jdbc.sql(SELECT + " where project_code = ? order by req_id").param(projectCode)
            .query(RequirementRepository::map).list();
    }

    List<Requirement> findByDepartment(String projectCode, String department) {
        return jdbc.sql(SELECT + " where project_code = ? and department = ? order by req_id")
            .params(projectCode, department).query(RequirementRepository::map).list();
    }

    /** Inserts the requirement or replaces the stored one with the same id, stamped with editor and time. */
    void upsert(String projectCode, Requirement r, String updatedBy) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        int updated = jdbc.sql("""
                update requirement set department = ?, title = ?, pain_point = ?, goal = ?, expected_effect = ?,
                       priority = ?, acceptance_criterion = ?, solution_match = ?, updated_by = ?, updated_at = ?
                where project_code = ? and req_id = ?""")
            .params(r.department(), r.title(), r.painPoint(), r.goal(), r.expectedEffect(), r.priority(),
                r.acceptanceCriterion(), r.solutionMatch(), updatedBy, now, projectCode, r.reqId())
            .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into requirement (project_code, req_id, department, title, pain_point, goal, expected_effect,
                                             priority, acceptance_criterion, solution_match, updated_by, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(projectCode, r.reqId(), r.department(), r.title(), r.painPoint(), r.goal(), r.expectedEffect(),
                    r.priority(), r.acceptanceCriterion(), r.solutionMatch(), updatedBy, now)
                .update();
        }
    }

    /** The latest frozen version and its hash, if any. */
    Optional<FrozenVersion> latestVersion(String projectCode) {
        return jdbc.sql("""
                select version, content_hash from specification_version where project_code = ?
                order by version desc""")
            .param(projectCode).query((rs, n) -> new FrozenVersion(rs.getInt(1), rs.getString(2))).stream().findFirst();
    }

    Optional<FrozenVersion> version(String projectCode, int version) {
        return jdbc.sql("select version, content_hash from specification_version where project_code = ? and version = ?")
            .params(projectCode, version).query((rs, n) -> new FrozenVersion(rs.getInt(1), rs.getString(2))).optional();
    }

    void insertVersion(String projectCode, int version, String hash, String frozenBy) {
        jdbc.sql("""
                insert into specification_version (project_code, version, content_hash, frozen_by, frozen_at)
                values (?, ?, ?, ?, ?)""")
            .params(projectCode, version, hash, frozenBy, Timestamp.from(Instant.now(clock))).update();
    }

    void insertApproval(String projectCode, int version, String department, String approver, boolean approved,
                        String comment) {
        jdbc.sql("""
                insert into specification_approval (project_code, version, department, approver, approved, comment,
                                                    decided_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
            .params(projectCode, version, department, approver, approved, comment, Timestamp.from(Instant.now(clock)))
            .update();
    }

    List<SpecificationApprovalRecord> approvals(String projectCode) {
        return jdbc.sql("""
                select project_code, version, department, approver, approved, comment, decided_at
                from specification_approval where project_code = ? order by id""")
            .param(projectCode)
            .query((rs, n) -> new SpecificationApprovalRecord(rs.getString(1), rs.getInt(2), rs.getString(3),
                rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
            .list();
    }

    /** Records how a department was researched; a later research round replaces the record. */
    void saveResearch(String projectCode, String department, boolean interview, boolean questionnaire,
                      boolean processMapping, String notes, String by) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        int updated = jdbc.sql("""
                update department_research set interview_done = ?, questionnaire_done = ?, process_mapping_done = ?,
                       notes = ?, updated_by = ?, updated_at = ?
                where project_code = ? and department = ?""")
            .params(interview, questionnaire, processMapping, notes, by, now, projectCode, department).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into department_research (project_code, department, interview_done, questionnaire_done,
                                                     process_mapping_done, notes, updated_by, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(projectCode, department, interview, questionnaire, processMapping, notes, by, now).update();
        }
    }

    private static Requirement map(ResultSet rs, int row) throws SQLException {
        return new Requirement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
            rs.getTimestamp(12).toInstant());
    }

    /** A frozen specification version and the hash of its requirements. */
    record FrozenVersion(int version, String contentHash) {
    }
}
