package io.rollout.uat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Test cases, their requirement links, results per round and defects of a project. */
@Repository
class UatRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    UatRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Ids of the must-have requirements (table {@code requirement}, owned by the requirements feature). */
    List<String> mustRequirementIds(String projectCode) {
        return jdbc.sql("select req_id from requirement where project_code = ? and priority = 'must' order by req_id")
            .param(projectCode).query(String.class).list();
    }

    Set<String> requirementIds(String projectCode) {
        return new TreeSet<>(jdbc.sql("select req_id from requirement where project_code = ?")
            .param(projectCode).query(String.class).list());
    }

    List<TestCase> testCases(String projectCode) {
        Map<String, List<String>> links = new LinkedHashMap<>();
        jdbc.sql("select case_id, req_id from test_case_requirement where project_code = ? order by case_id, req_id")
            .param(projectCode)
            .query((rs, n) -> links.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
            .list();
        return jdbc.sql("""
                select case_id, title, steps, expected_result, module, priority
                from test_case where project_code = ? order by case_id""")
            .param(projectCode)
            .query((rs, n) -> new TestCase(rs.getString(1), rs.getString(2),
                List.copyOf(links.getOrDefault(rs.getString(1), List.of())), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6)))
            .list();
    }

    /** Inserts new test cases, updates existing ones and replaces their requirement links. */
    void saveTestCases(String projectCode, List<TestCase> cases, String user) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        for (TestCase c : cases) {
            int updated = jdbc.sql("""
                    update test_case set title = ?, steps = ?, expected_result = ?, module = ?, priority = ?,
                                         updated_by = ?, updated_at = ?
                    where project_code = ? and case_id = ?""")
                .params(c.title(), c.steps(), c.expectedResult(), c.module(), c.priority(), user, now, projectCode,
                    c.caseId())
                .update();
            if (updated == 0) {
                jdbc.sql("""
                        insert into test_case (project_code, case_id, title, steps, expected_result, module, priority,
                                               updated_by, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(projectCode, c.caseId(), c.title(), c.steps(), c.expectedResult(), c.module(),
                        c.priority(), user, now)
                    .update();
            }
            jdbc.sql("delete from test_case_requirement where project_code = ? and case_id = ?")
                .params(projectCode, c.caseId()).update();
            for (String requirement : c.requirementIds()) {
                jdbc.sql("insert into test_case_requirement (project_code, case_id, req_id) values (?, ?, ?)")
                    .params(projectCode, c.caseId(), requirement).update();
            }
        }
    }

    /** The latest result of every test case that has one, by case id. */
    Map<String, String> latestResults(String projectCode) {
        Map<String, String> latest = new LinkedHashMap<>();
        jdbc.sql("""
                select r.case_id, r.result from test_result r
                where r.project_code = ?
                  and r.id = (select max(l.id) from test_result l
                              where l.project_code = r.project_code and l.case_id = r.case_id)
                order by r.case_id""")
            .param(projectCode)
            .query((rs, n) -> latest.put(rs.getString(1), rs.getString(2)))
            .list();
        return latest;
    }

    int lastRound(String projectCode) {
        return jdbc.sql("select coalesce(max(round), 0) from test_result where project_code = ?")
            .param(projectCode).query(Integer.class).single();
    }

    void recordResult(String projectCode, String caseId, int round, String result, String comment, String tester) {
        jdbc.sql("""
                insert into test_result (project_code, case_id, round, result, comment, tester, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
            .params(projectCode, caseId, round, result, comment, tester, Timestamp.from(Instant.now(clock)))
            .update();
    }

    void openDefect(String projectCode, String caseId, int round, String severity, String description, String user) {
        jdbc.sql("""
                insert into defect (project_code, case_id, round, severity, description, status, raised_by, raised_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(projectCode, caseId, round, severity, description, Defect.OPEN, user,
                Timestamp.from(Instant.now(clock)))
            .update();
    }

    /** A passing retest verifies the fixes of its case: fixed defects become closed. Open ones stay open. */
    void closeFixedDefects(String projectCode, String caseId) {
        jdbc.sql("update defect set status = ? where project_code = ? and case_id = ? and status = ?")
            .params(Defect.CLOSED, projectCode, caseId, Defect.FIXED).update();
    }

    void markFixed(String projectCode, long defectId, String fixNote, String user) {
        jdbc.sql("""
                update defect set status = ?, fixed_by = ?, fixed_at = ?, fix_note = ?
                where project_code = ? and id = ? and status = ?""")
            .params(Defect.FIXED, user, Timestamp.from(Instant.now(clock)), fixNote, projectCode, defectId, Defect.OPEN)
            .update();
    }

    /** Defects with one of the given statuses, oldest first. */
    List<Defect> defects(String projectCode, String... statuses) {
        return jdbc.sql("""
                select id, case_id, round, severity, description, status from defect
                where project_code = ? order by id""")
            .param(projectCode)
            .query((rs, n) -> new Defect(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getString(5), rs.getString(6)))
            .list().stream()
            .filter(d -> statuses.length == 0 || List.of(statuses).contains(d.status()))
            .toList();
    }

    /** Everything the UAT gate decides on; defects are those not closed. */
    UatGateRule.Input gateInput(String projectCode, int passTarget) {
        Map<String, String> latest = latestResults(projectCode);
        List<UatGateRule.CaseStatus> cases = testCases(projectCode).stream()
            .map(c -> new UatGateRule.CaseStatus(c.caseId(), Set.copyOf(c.requirementIds()), latest.get(c.caseId())))
            .toList();
        return new UatGateRule.Input(passTarget, mustRequirementIds(projectCode), cases,
            defects(projectCode, Defect.OPEN, Defect.FIXED));
    }
}
